/**
 * Gift card numbers per second in the page, for each preset, beside the platform's
 * `crypto.randomUUID()`: the simplest unguessable ID a host would otherwise reach for.
 */
import { GIFT_CARD_PRESETS, generateGiftCardNumber } from '../../src/policy/giftcard-id.js';

declare global {
  interface Window {
    perSecond(what: 'standard' | 'strong' | 'randomUUID', ms: number): number;
  }
}

window.perSecond = (what, ms) => {
  const make =
    what === 'randomUUID' ? () => crypto.randomUUID() : () => generateGiftCardNumber(GIFT_CARD_PRESETS[what]);
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 1000; i++) sink += make().length;
    count += 1000;
    now = performance.now();
  }
  if (sink === 0) throw new Error('nothing generated');
  return Math.round((count / (now - start)) * 1000);
};
