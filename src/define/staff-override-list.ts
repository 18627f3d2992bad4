import { StaffOverrideListElement } from '../elements/staff-override-list/staff-override-list.js';
import { defineElement } from '../internal/define.js';

export { StaffOverrideListElement };
export * from '../elements/staff-override-list/events.js';

defineElement('staff-override-list', StaffOverrideListElement);

declare global {
  interface HTMLElementTagNameMap {
    'staff-override-list': StaffOverrideListElement;
  }
}
