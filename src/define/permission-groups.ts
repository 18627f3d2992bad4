import { PermissionGroupsElement } from '../elements/permission-groups/permission-groups.js';
import { defineElement } from '../internal/define.js';

export { PermissionGroupsElement };
export * from '../elements/permission-groups/events.js';

defineElement('permission-groups', PermissionGroupsElement);

declare global {
  interface HTMLElementTagNameMap {
    'permission-groups': PermissionGroupsElement;
  }
}
