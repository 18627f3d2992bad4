import { DeskguardProvider } from '../provider/deskguard-provider.js';
import { defineElement } from '../internal/define.js';

export { DeskguardProvider };

defineElement('deskguard-provider', DeskguardProvider);

declare global {
  interface HTMLElementTagNameMap {
    'deskguard-provider': DeskguardProvider;
  }
}
