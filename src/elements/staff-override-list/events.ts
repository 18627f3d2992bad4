import { DeskguardEvent } from '../../core/events.js';
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
export class OverridePicksChangeEvent extends DeskguardEvent<OverridePicksChangeDetail> {
  static readonly eventName = 'override-picks-change';
  constructor(detail: OverridePicksChangeDetail) {
    super(OverridePicksChangeEvent.eventName, detail);
  }
}

/** Fired by `<staff-override-list>` after the override list is saved. */
export class OverridesSavedEvent extends DeskguardEvent<{ overrides: VisibilityOverrides }> {
  static readonly eventName = 'overrides-saved';
  constructor(overrides: VisibilityOverrides) {
    super(OverridesSavedEvent.eventName, { overrides });
  }
}

declare global {
  interface HTMLElementEventMap {
    'override-picks-change': OverridePicksChangeEvent;
    'overrides-saved': OverridesSavedEvent;
  }
}
