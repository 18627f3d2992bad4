import { MaskingSettingsElement } from '../elements/masking-settings/masking-settings.js';

export { MaskingSettingsElement };
export * from '../elements/masking-settings/events.js';

// Registering twice (two bundles, hot reload) does nothing instead of throwing.
if (!customElements.get('masking-settings')) customElements.define('masking-settings', MaskingSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'masking-settings': MaskingSettingsElement;
  }
}
