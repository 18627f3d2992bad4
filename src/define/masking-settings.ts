import { MaskingSettingsElement } from '../elements/masking-settings/masking-settings.js';
import { defineElement } from '../internal/define.js';

export { MaskingSettingsElement };
export * from '../elements/masking-settings/events.js';

defineElement('masking-settings', MaskingSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'masking-settings': MaskingSettingsElement;
  }
}
