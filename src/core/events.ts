import type { Plan } from './types.js';

/** Fired when the user asks to upgrade the plan (a feature needs another plan). The host shows its plans page. */
export class UpgradeRequestEvent extends Event {
  static readonly eventName = 'deskguard-upgrade-request';
  constructor(readonly requiredPlan: Plan) {
    super(UpgradeRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user asks to sign in again after the session ended. The host runs its sign-in flow. */
export class SignInRequestEvent extends Event {
  static readonly eventName = 'deskguard-sign-in-request';
  constructor() {
    super(SignInRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'deskguard-upgrade-request': UpgradeRequestEvent;
    'deskguard-sign-in-request': SignInRequestEvent;
  }
}

/**
 * Dispatches `event` from `target`. Elements fire their events through this, so the
 * manifest analyzer reads event names from each class's `@fires` JSDoc, not from
 * constructor arguments it cannot resolve.
 */
export function emit(target: EventTarget, event: Event): void {
  target.dispatchEvent(event);
}
