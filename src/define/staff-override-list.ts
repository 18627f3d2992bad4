import { StaffOverrideListElement } from '../elements/staff-override-list/staff-override-list.js';

export { StaffOverrideListElement };
export * from '../elements/staff-override-list/events.js';

// Registering twice (two bundles, hot reload) does nothing instead of throwing.
if (!customElements.get('staff-override-list')) customElements.define('staff-override-list', StaffOverrideListElement);

declare global {
  interface HTMLElementTagNameMap {
    'staff-override-list': StaffOverrideListElement;
  }
}
