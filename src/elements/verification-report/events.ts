import { DeskguardEvent } from '../../core/events.js';
import type { VerificationRequest } from '../../core/types.js';

/** Fired by `<verification-report>` when staff ask to open the claimed client's profile; the host navigates there. */
export class OpenClientProfileEvent extends DeskguardEvent<{ clientId: string; requestId: string }> {
  static readonly eventName = 'open-client-profile';
  constructor(detail: { clientId: string; requestId: string }) {
    super(OpenClientProfileEvent.eventName, detail);
  }
}

/** Fired by `<verification-report>` after a request was verified or declined, with the request as saved. */
export class VerificationChangeEvent extends DeskguardEvent<{ request: VerificationRequest }> {
  static readonly eventName = 'verification-change';
  constructor(detail: { request: VerificationRequest }) {
    super(VerificationChangeEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'open-client-profile': OpenClientProfileEvent;
    'verification-change': VerificationChangeEvent;
  }
}
