import { define } from '../core/define.js';
import { MaskingSettingsElement } from '../elements/masking-settings/masking-settings.js';

export { MaskingSettingsElement };
export * from '../elements/masking-settings/events.js';

define('masking-settings', MaskingSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'masking-settings': MaskingSettingsElement;
  }
}
