/**
 * Records kept in order by a key, as a database keeps an index: the distinct keys are
 * ordered once by the collator, then the records by key rank and id. A page walks that
 * order, skipping what a filter drops, so it costs the page and what comes before it,
 * not a sort of every record. Pure TypeScript: runs in Node too.
 */
export class SortedIndex<T extends { id: string }> {
  /** The records, ascending by key, ties by id. */
  private readonly order: T[];
  /** The records in id order, and each one's key rank, aligned with them. */
  private readonly byId: readonly T[];
  private readonly ranks: Int32Array;
  /** Each record's key, aligned with `order`. */
  private readonly keys: string[];
  private readonly compare: (a: string, b: string) => number;

  /**
   * `byId` is the records in id order (`sortById`), shared by every index of them: each
   * index then only buckets them by key rank, in one pass, keeping id order in a bucket.
   */
  constructor(byId: readonly T[], key: (record: T) => string, compare: (a: string, b: string) => number) {
    const keys = byId.map(key);
    // Collation is slow and keys repeat (names, domains): rank each distinct key once,
    // keys that compare equal alike.
    const distinct = [...new Set(keys)].sort(compare);
    const rank = new Map<string, number>();
    let current = 0;
    distinct.forEach((value, i) => {
      if (i > 0 && compare(distinct[i - 1]!, value) !== 0) current += 1;
      rank.set(value, current);
    });
    const ranks = Int32Array.from(keys, (k) => rank.get(k)!);
    const starts = new Int32Array(current + 2);
    for (const r of ranks) starts[r + 1]! += 1;
    for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
    this.order = new Array<T>(byId.length);
    this.keys = new Array<string>(byId.length);
    byId.forEach((record, i) => {
      const at = starts[ranks[i]!]!++;
      this.order[at] = record;
      this.keys[at] = keys[i]!;
    });
    this.byId = byId;
    this.ranks = ranks;
    this.compare = compare;
  }

  /** The records whose key lies from `low` to `high`, both included, ascending: two binary searches. */
  range(low: string, high: string): T[] {
    const first = (bound: string, after: boolean): number => {
      let lo = 0;
      let hi = this.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = this.compare(this.keys[mid]!, bound);
        if (c < 0 || (after && c === 0)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return this.order.slice(first(low, false), first(high, true));
  }

  /**
   * Some of the records, in this index's order (`direction` as in `page`): by key rank
   * and id, found by id in O(log n) each, with no key compared again.
   */
  arrange(records: readonly T[], direction: 1 | -1): T[] {
    const rankOf = (record: T): number => {
      let lo = 0;
      let hi = this.byId.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = compareIds(this.byId[mid]!.id, record.id);
        if (c === 0) return this.ranks[mid]!;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
      }
      throw new Error(`${record.id} is not in this index`);
    };
    const ranked = records.map((record) => ({ record, rank: rankOf(record) }));
    ranked.sort((a, b) => direction * (a.rank - b.rank || compareIds(a.record.id, b.record.id)));
    return ranked.map((r) => r.record);
  }

  /**
   * The records that pass `keep`, in `direction` order, from `offset`, at most `limit`, and
   * how many pass in all. When the caller knows that number (`total`), the walk stops at
   * the end of the page.
   */
  page(
    direction: 1 | -1,
    keep: (record: T) => boolean,
    offset: number,
    limit: number,
    total?: number,
  ): { items: T[]; total: number } {
    const items: T[] = [];
    const order = this.order;
    let passed = 0;
    for (let step = 0; step < order.length; step++) {
      const record = order[direction === 1 ? step : order.length - 1 - step]!;
      if (!keep(record)) continue;
      if (passed >= offset && items.length < limit) items.push(record);
      passed += 1;
      if (total !== undefined && items.length === limit) break;
    }
    return { items, total: total ?? passed };
  }
}

/** Text in code-point order: ids (the tie-break of every list) and ISO timestamps. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The records in id order, for `SortedIndex`. */
export function sortById<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => compareIds(a.id, b.id));
}
