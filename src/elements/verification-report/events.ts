import type { VerificationRequest } from '../../core/types.js';

/** Fired by `<verification-report>` when staff ask to open the claimed client's profile; the host navigates there. */
export class OpenClientProfileEvent extends Event {
  static readonly eventName = 'open-client-profile';
  constructor(readonly detail: { clientId: string; requestId: string }) {
    super(OpenClientProfileEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by `<verification-report>` after a request was verified or declined, with the request as saved. */
export class VerificationChangeEvent extends Event {
  static readonly eventName = 'verification-change';
  constructor(readonly detail: { request: VerificationRequest }) {
    super(VerificationChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'open-client-profile': OpenClientProfileEvent;
    'verification-change': VerificationChangeEvent;
  }
}
