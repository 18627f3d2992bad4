import type { GiftCardReservation } from '../../core/types.js';

export interface GiftCardStorage {
  /** Reserves a number for good; `false` when it is taken. */
  reserve(reservation: GiftCardReservation): Promise<boolean>;
}
