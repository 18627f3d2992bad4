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
