import { GiftcardIdGeneratorElement } from '../elements/giftcard-id-generator/giftcard-id-generator.js';

export { GiftcardIdGeneratorElement };
export * from '../elements/giftcard-id-generator/events.js';

// Registering twice (two bundles, hot reload) does nothing instead of throwing.
if (!customElements.get('giftcard-id-generator'))
  customElements.define('giftcard-id-generator', GiftcardIdGeneratorElement);

declare global {
  interface HTMLElementTagNameMap {
    'giftcard-id-generator': GiftcardIdGeneratorElement;
  }
}
