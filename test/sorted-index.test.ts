import { expect } from '@open-wc/testing';
import { compareIds, SortedIndex, sortById } from '../src/server/memory/sorted-index.js';
import { VERIFICATION_SORT_FIELDS } from '../src/server/reports/queries.js';
import { CORE_STAFF, createSeedData } from '../mocks/index.js';
import type { VerificationRecord } from '../src/server/records.js';
import { inPage } from './support/mock.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

describe('SortedIndex', () => {
  // Names with case and accent twins (equal to the collator), and ids that sort as text.
  const names = ['José', 'jose', 'Ana', 'ana', 'Émile', 'emile', 'Zoë', 'Bo', 'bo 2', 'bo 10'];
  const records = Array.from({ length: 500 }, (_, i) => ({
    id: `r-${(i * 7919) % 500}`,
    name: names[(i * 31) % names.length]!,
    even: i % 2 === 0,
  }));
  const simple = (direction: 1 | -1) =>
    [...records].sort((a, b) => direction * (collator.compare(a.name, b.name) || compareIds(a.id, b.id)));

  it('orders as a collated sort with ties by id would, both ways', () => {
    const index = new SortedIndex(sortById(records), (r) => r.name, collator.compare);
    for (const direction of [1, -1] as const) {
      const { items, total } = index.page(direction, () => true, 0, 500);
      expect(total).to.equal(500);
      expect(items.map((r) => r.id)).to.deep.equal(simple(direction).map((r) => r.id));
    }
  });

  it('pages through what a filter keeps, with the count, stopping early when the count is known', () => {
    const index = new SortedIndex(sortById(records), (r) => r.name, collator.compare);
    const kept = simple(1).filter((r) => r.even);
    const { items, total } = index.page(1, (r) => r.even, 40, 25);
    expect(total).to.equal(kept.length);
    expect(items.map((r) => r.id)).to.deep.equal(kept.slice(40, 65).map((r) => r.id));
    let looked = 0;
    const early = index.page(1, (r) => (looked++, r.even), 0, 10, kept.length);
    expect(early.items.map((r) => r.id)).to.deep.equal(kept.slice(0, 10).map((r) => r.id));
    expect(looked, 'the walk stops at the end of the page').to.be.below(40);
  });

  it('finds a range of keys with both ends included, and puts any subset in its order', () => {
    const stamps = records.map((r, i) => ({ ...r, at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}` }));
    const byDate = new SortedIndex(sortById(stamps), (r) => r.at, compareIds);
    const inRange = byDate.range('2026-11-03', '2026-11-05');
    const expected = stamps.filter((r) => r.at >= '2026-11-03' && r.at <= '2026-11-05');
    expect(inRange.length).to.equal(expected.length);
    expect(new Set(inRange.map((r) => r.id))).to.deep.equal(new Set(expected.map((r) => r.id)));
    expect(byDate.range('2026-12-01', '2026-12-31')).to.deep.equal([]);
    const byName = new SortedIndex(sortById(stamps), (r) => r.name, collator.compare);
    for (const direction of [1, -1] as const) {
      const arranged = byName.arrange(inRange, direction).map((r) => r.id);
      const walked = byName.page(direction, (r) => r.at >= '2026-11-03' && r.at <= '2026-11-05', 0, 500);
      expect(arranged, 'the same order as a filtered walk').to.deep.equal(walked.items.map((r) => r.id));
    }
  });

  it('gives a date range in every sort the page a filtered walk of the whole list gives', async function () {
    // Pages through the large seed's 30,000 link requests 20 times: seconds on a quiet machine, more on a busy one.
    this.timeout(60_000);
    const backend = inPage(createSeedData({ dataset: 'large' }));
    // A few requests (put in order directly) and most of them (found by a walk).
    const ranges = [
      ['2026-10-01T00:00:00.000Z', '2026-10-03T00:00:00.000Z'],
      ['2026-09-24T00:00:00.000Z', '2026-11-18T00:00:00.000Z'],
    ] as const;
    for (const viewer of [CORE_STAFF.admin.id, CORE_STAFF['duty-manager'].id])
      for (const sort of VERIFICATION_SORT_FIELDS)
        for (const direction of ['asc', 'desc'] as const) {
          const status = direction === 'asc' ? undefined : ('pending' as const);
          const all: VerificationRecord[] = [];
          for (let offset = 0; ; offset += 100) {
            const page = await backend.storage.verification.requestPage(
              { sort, direction, status, masked: viewer !== CORE_STAFF.admin.id },
              offset,
              100,
            );
            all.push(...page.items.map((i) => i.request));
            if (offset + 100 >= page.total) break;
          }
          for (const [from, to] of ranges) {
            // From included, to left out.
            const inRange = all.filter((r) => r.requestedAt >= from && r.requestedAt < to);
            const search = { sort, direction, status, from, to, masked: viewer !== CORE_STAFF.admin.id };
            const page = await backend.storage.verification.requestPage(search, 30, 25);
            const what = `${sort} ${direction} ${status ?? 'any'} as ${viewer}, ${from} to ${to}`;
            expect(inRange.length, `${what}: some requests in range`).to.be.greaterThan(55);
            expect(page.total, what).to.equal(inRange.length);
            expect(
              page.items.map((i) => i.request.id),
              what,
            ).to.deep.equal(inRange.slice(30, 55).map((r) => r.id));
          }
        }
  });
});
