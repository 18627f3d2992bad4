import { GiftcardIdGeneratorElement } from '../elements/giftcard-id-generator/giftcard-id-generator.js';
import { defineElement } from '../internal/define.js';

export { GiftcardIdGeneratorElement };
export * from '../elements/giftcard-id-generator/events.js';

defineElement('giftcard-id-generator', GiftcardIdGeneratorElement);

declare global {
  interface HTMLElementTagNameMap {
    'giftcard-id-generator': GiftcardIdGeneratorElement;
  }
}
