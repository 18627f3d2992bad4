import { LoginSecuritySettingsElement } from '../elements/login-security-settings/login-security-settings.js';
import { defineElement } from '../internal/define.js';

export { LoginSecuritySettingsElement };
export * from '../elements/login-security-settings/events.js';

defineElement('login-security-settings', LoginSecuritySettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'login-security-settings': LoginSecuritySettingsElement;
  }
}
