import type { ReactiveControllerHost } from 'lit';
import type { VisibilityOverrides } from '../../core/types.js';

/** The difference between the saved override list and an admin's picks. Pure, no DOM. */
export interface PicksDiff {
  /** Picked now, not on the saved list. */
  added: string[];
  /** On the saved list, not picked now. */
  removed: string[];
}

export function diffPicks(saved: Iterable<string>, picks: ReadonlySet<string>): PicksDiff {
  const before = new Set(saved);
  return {
    added: [...picks].filter((id) => !before.has(id)),
    removed: [...before].filter((id) => !picks.has(id)),
  };
}

/**
 * An admin's changes (picks against the list they started from) applied on top of a
 * list someone else saved meanwhile. Their additions and removals stay unless this
 * admin changed the same person, in which case this admin's choice wins: it is what
 * they asked to re-apply.
 */
export function rebasePicks(base: Iterable<string>, theirs: Iterable<string>, picks: ReadonlySet<string>): Set<string> {
  const mine = diffPicks(base, picks);
  const next = new Set(theirs);
  for (const id of mine.added) next.add(id);
  for (const id of mine.removed) next.delete(id);
  return next;
}

/**
 * An admin's draft of picks against the saved list they started from: the state the
 * element renders (each change asks the host to update), with the difference worked out
 * once per change of either side.
 */
export class PicksDraft {
  /** The saved list the picks started from; `undefined` until it loads. */
  base: VisibilityOverrides | undefined;
  #current: ReadonlySet<string> = new Set();
  #memo: { base?: VisibilityOverrides; picks: ReadonlySet<string>; saved: Set<string>; diff: PicksDiff } | undefined;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get picks(): ReadonlySet<string> {
    return this.#current;
  }

  /** The saved list as a set. */
  get saved(): Set<string> {
    return this.#worked().saved;
  }

  /** The unsaved changes. */
  get diff(): PicksDiff {
    return this.#worked().diff;
  }

  /** How many changes are unsaved. */
  get pending(): number {
    const { added, removed } = this.diff;
    return this.base ? added.length + removed.length : 0;
  }

  /** Replaces the picks; answers the difference they now make. */
  set(picks: ReadonlySet<string>): PicksDiff {
    this.#current = picks;
    this.#host.requestUpdate();
    return this.diff;
  }

  /** Picks or unpicks each of `ids`. */
  with(ids: Iterable<string>, pick: boolean): Set<string> {
    const next = new Set(this.#current);
    for (const id of ids) {
      if (pick) next.add(id);
      else next.delete(id);
    }
    return next;
  }

  /** Starts again from `base`, picking exactly what it holds. */
  reset(base: VisibilityOverrides): void {
    this.base = base;
    this.set(new Set(base.staffIds));
  }

  /** Moves onto `theirs` (saved by someone else meanwhile) with this admin's changes applied on top. */
  rebase(theirs: VisibilityOverrides): void {
    const picks = rebasePicks(this.base?.staffIds ?? [], theirs.staffIds, this.#current);
    this.base = theirs;
    this.set(picks);
  }

  #worked(): { saved: Set<string>; diff: PicksDiff } {
    const { base } = this;
    const picks = this.#current;
    let memo = this.#memo;
    if (!memo || memo.base !== base || memo.picks !== picks) {
      const saved = new Set(base?.staffIds);
      memo = this.#memo = { base, picks, saved, diff: diffPicks(saved, picks) };
    }
    return memo;
  }
}
