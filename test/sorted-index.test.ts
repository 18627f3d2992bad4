import { expect } from '@open-wc/testing';
import { compareIds, SortedIndex, sortById } from '../src/backend/sorted-index.js';

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
});
