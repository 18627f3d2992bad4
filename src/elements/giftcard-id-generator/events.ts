import { DeskguardEvent } from '../../core/events.js';
import type { GiftCardReservation } from '../../core/types.js';

export interface GiftCardReservedDetail {
  /** The reserved number, digits only. */
  number: string;
  /** Whether the number was generated here or typed or scanned from a pre-printed card. */
  source: 'generated' | 'entered';
  reservation: GiftCardReservation;
}

/** Fired by `<giftcard-id-generator>` once a number is reserved and shown (it is also the element's form value). */
export class GiftCardReservedEvent extends DeskguardEvent<GiftCardReservedDetail> {
  static readonly eventName = 'giftcard-id-reserved';
  constructor(detail: GiftCardReservedDetail) {
    super(GiftCardReservedEvent.eventName, detail);
  }
}

/** Fired by `<giftcard-id-generator>` when staff press "Use this number": the host puts it on the sale. */
export class GiftCardUseEvent extends DeskguardEvent<{ number: string; reservation: GiftCardReservation | undefined }> {
  static readonly eventName = 'giftcard-id-use';
  constructor(detail: { number: string; reservation: GiftCardReservation | undefined }) {
    super(GiftCardUseEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'giftcard-id-reserved': GiftCardReservedEvent;
    'giftcard-id-use': GiftCardUseEvent;
  }
}
