import { DeskguardProvider } from '../provider/deskguard-provider.js';

export { DeskguardProvider };

// Registering twice (two bundles, hot reload) does nothing instead of throwing.
if (!customElements.get('deskguard-provider')) customElements.define('deskguard-provider', DeskguardProvider);

declare global {
  interface HTMLElementTagNameMap {
    'deskguard-provider': DeskguardProvider;
  }
}
