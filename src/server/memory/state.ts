/**
 * What the memory storage's rooms share: the records, and the journal of the running
 * transaction, to which every write adds how to undo itself.
 */
import type { BackendData } from '../records.js';
import type { Position, Window, WindowPage } from '../reports/storage.js';

export class MemoryState {
  readonly data: BackendData;
  /** How to undo each write of the running transaction, oldest first; `undefined` outside one. */
  journal: (() => void)[] | undefined;

  constructor(data: BackendData) {
    this.data = data;
  }

  /** Notes how to undo a write just made, when a transaction runs. */
  undo(step: () => void): void {
    this.journal?.push(step);
  }

  /** Replaces `target`'s fields with `next`'s, undoably. */
  replace<T extends object>(target: T, next: T): void {
    const before = structuredClone(target);
    for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
    Object.assign(target, structuredClone(next));
    this.undo(() => {
      for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
      Object.assign(target, before);
    });
  }

  /** Appends to a list, undoably. */
  append<T>(list: T[], ...items: T[]): void {
    list.push(...items);
    this.undo(() => {
      for (const item of items) {
        const at = list.lastIndexOf(item);
        if (at >= 0) list.splice(at, 1);
      }
    });
  }
}

/** Text in code-point order: ids, ISO timestamps and folded keys, as every storage orders them. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Positions in a report's order: by key, then id, both in the order's direction. */
export function comparePositions(a: Position, b: Position, sign: 1 | -1): number {
  return sign * (compareText(a.key, b.key) || compareText(a.id, b.id));
}

/**
 * A window on rows already in a report's order (`sign` says which way): binary searches
 * find where `after` or `before` falls, as an index would.
 */
export function windowOf<T>(
  ordered: readonly T[],
  position: (row: T) => Position,
  sign: 1 | -1,
  window: Window,
): WindowPage<T> {
  const firstBeyond = (at: Position, inclusive: boolean): number => {
    let lo = 0;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = comparePositions(position(ordered[mid]!), at, sign);
      if (c < 0 || (!inclusive && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let start = 0;
  let end = ordered.length;
  if (window.after) start = firstBeyond(window.after, false);
  if (window.before) {
    end = firstBeyond(window.before, true);
    start = Math.max(0, end - window.limit);
  } else end = Math.min(ordered.length, start + window.limit);
  const items = ordered.slice(start, end).map((row) => ({ row, position: position(row) }));
  return {
    items,
    total: ordered.length,
    more: window.before ? start > 0 : end < ordered.length,
  };
}

/** Sorts rows by a key and id in a direction, the order every storage gives. */
export function orderBy<T>(rows: T[], position: (row: T) => Position, sign: 1 | -1): T[] {
  const keyed = rows.map((row) => [position(row), row] as const);
  keyed.sort(([a], [b]) => comparePositions(a, b, sign));
  return keyed.map(([, row]) => row);
}

/** A page of rows by offset, and how many there are. */
export function pageOf<T>(rows: readonly T[], offset: number, limit: number): { items: T[]; total: number } {
  return { items: rows.slice(offset, offset + limit), total: rows.length };
}
