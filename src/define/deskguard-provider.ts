import { define } from '../core/define.js';
import { DeskguardProvider } from '../provider/deskguard-provider.js';

export { DeskguardProvider };

define('deskguard-provider', DeskguardProvider);

declare global {
  interface HTMLElementTagNameMap {
    'deskguard-provider': DeskguardProvider;
  }
}
