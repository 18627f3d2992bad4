import { StaffAccessElement } from '../elements/staff-access/staff-access.js';
import { defineElement } from '../internal/define.js';

export { StaffAccessElement };
export * from '../elements/staff-access/events.js';

defineElement('staff-access', StaffAccessElement);

declare global {
  interface HTMLElementTagNameMap {
    'staff-access': StaffAccessElement;
  }
}
