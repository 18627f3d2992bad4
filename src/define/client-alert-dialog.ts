import { ClientAlertDialogElement } from '../elements/client-alert-dialog/client-alert-dialog.js';

export { ClientAlertDialogElement };
export * from '../elements/client-alert-dialog/events.js';

// Registering twice (two bundles, hot reload) does nothing instead of throwing.
if (!customElements.get('client-alert-dialog')) customElements.define('client-alert-dialog', ClientAlertDialogElement);

declare global {
  interface HTMLElementTagNameMap {
    'client-alert-dialog': ClientAlertDialogElement;
  }
}
