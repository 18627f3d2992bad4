import { ClientAlertDialogElement } from '../elements/client-alert-dialog/client-alert-dialog.js';
import { defineElement } from '../internal/define.js';

export { ClientAlertDialogElement };
export * from '../elements/client-alert-dialog/events.js';

defineElement('client-alert-dialog', ClientAlertDialogElement);

declare global {
  interface HTMLElementTagNameMap {
    'client-alert-dialog': ClientAlertDialogElement;
  }
}
