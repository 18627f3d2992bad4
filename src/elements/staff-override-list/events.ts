import type { VisibilityOverrides } from '../../core/types.js';

export interface OverridePicksChangeDetail {
  /** Every staff member picked now. */
  staffIds: string[];
  /** Picked, not saved yet. */
  added: string[];
  /** Saved, unpicked, not saved yet. */
  removed: string[];
  /** How many changes are waiting to be saved; above 0 the host should warn before leaving. */
  pending: number;
}

/** Fired by `<staff-override-list>` whenever the admin's picks change (and when Cancel or a save resets them). */
export class OverridePicksChangeEvent extends Event {
  static readonly eventName = 'override-picks-change';
  readonly detail: OverridePicksChangeDetail;

  constructor(detail: OverridePicksChangeDetail) {
    super(OverridePicksChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Fired by `<staff-override-list>` after the override list is saved. */
export class OverridesSavedEvent extends Event {
  static readonly eventName = 'overrides-saved';
  readonly detail: { overrides: VisibilityOverrides };

  constructor(overrides: VisibilityOverrides) {
    super(OverridesSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = { overrides };
  }
}

declare global {
  interface HTMLElementEventMap {
    'override-picks-change': OverridePicksChangeEvent;
    'overrides-saved': OverridesSavedEvent;
  }
}
