import type { Plan } from './types.js';

/** An event of the kit: it bubbles out of the element's shadow root and carries `detail`. */
export class DeskguardEvent<D = undefined> extends Event {
  constructor(
    name: string,
    readonly detail: D,
  ) {
    super(name, { bubbles: true, composed: true });
  }
}

/** Fired when the user asks to upgrade the plan (a feature needs another plan). The host shows its plans page. */
export class UpgradeRequestEvent extends DeskguardEvent {
  static readonly eventName = 'deskguard-upgrade-request';
  constructor(
    /** The plan the feature needs. */
    readonly requiredPlan: Plan,
  ) {
    super(UpgradeRequestEvent.eventName, undefined);
  }
}

/** Fired when the user asks to sign in again after the session ended. The host runs its sign-in flow. */
export class SignInRequestEvent extends DeskguardEvent {
  static readonly eventName = 'deskguard-sign-in-request';
  constructor() {
    super(SignInRequestEvent.eventName, undefined);
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
