import { expect } from '@open-wc/testing';
import { moveIndex } from '../src/internal/list-keys.js';
import { turnPage } from '../src/internal/pager.js';
import { diffPicks, PicksDraft, rebasePicks } from '../src/elements/staff-override-list/picks.js';

describe('diffPicks', () => {
  it('counts additions and removals against the saved list', () => {
    expect(diffPicks(['a', 'b'], new Set(['b', 'c']))).to.deep.equal({ added: ['c'], removed: ['a'] });
    expect(diffPicks(['a'], new Set(['a']))).to.deep.equal({ added: [], removed: [] });
  });
});

describe('rebasePicks', () => {
  it('keeps both admins’ changes when they touch different people', () => {
    // I started from [a, b], removed a and added c; they saved [a, b, d].
    const result = rebasePicks(['a', 'b'], ['a', 'b', 'd'], new Set(['b', 'c']));
    expect([...result].sort()).to.deep.equal(['b', 'c', 'd']);
  });

  it('lets this admin’s choice win for a person both changed', () => {
    // Both removed a; they also removed b, which I left alone: theirs stands for b.
    expect([...rebasePicks(['a', 'b'], [], new Set(['b']))]).to.deep.equal([]);
    // They removed c and I removed c too; I added e, which they never had.
    expect([...rebasePicks(['c'], ['d'], new Set(['e']))].sort()).to.deep.equal(['d', 'e']);
    // They removed g; I had removed g and then picked it again: no change of mine, theirs stands.
    expect([...rebasePicks(['g'], [], new Set(['g']))]).to.deep.equal([]);
    // They kept i; I removed i: my removal wins.
    expect([...rebasePicks(['i'], ['i', 'h'], new Set())]).to.deep.equal(['h']);
    // Both added f: it is there once.
    expect([...rebasePicks([], ['f'], new Set(['f']))]).to.deep.equal(['f']);
  });
});

describe('moveIndex', () => {
  it('moves by one, stops at the ends, and jumps with Home and End', () => {
    expect(moveIndex('ArrowDown', 0, 3)).to.equal(1);
    expect(moveIndex('ArrowDown', 2, 3)).to.equal(2);
    expect(moveIndex('ArrowUp', 0, 3)).to.equal(0);
    expect(moveIndex('ArrowUp', 2, 3)).to.equal(1);
    expect(moveIndex('Home', 2, 3)).to.equal(0);
    expect(moveIndex('End', 0, 3)).to.equal(2);
  });

  it('ignores other keys and empty lists', () => {
    expect(moveIndex('a', 1, 3)).to.equal(undefined);
    expect(moveIndex('ArrowDown', 0, 0)).to.equal(undefined);
  });
});

describe('PicksDraft', () => {
  const saved = (staffIds: string[], version = 1) => ({ staffIds, version, updatedAt: null, updatedBy: null });
  function draft() {
    const updates: number[] = [];
    const host = { requestUpdate: () => updates.push(1) } as unknown as ConstructorParameters<typeof PicksDraft>[0];
    return { draft: new PicksDraft(host), updates };
  }

  it('counts nothing pending before the saved list arrives, and picks exactly the saved list on reset', () => {
    const { draft: d, updates } = draft();
    expect(d.pending).to.equal(0);
    d.reset(saved(['a', 'b']));
    expect([...d.picks]).to.deep.equal(['a', 'b']);
    expect(d.pending).to.equal(0);
    expect(updates.length, 'the host re-renders').to.be.greaterThan(0);
  });

  it('tracks additions and removals, and works the difference out once per change', () => {
    const { draft: d } = draft();
    d.reset(saved(['a', 'b']));
    const diff = d.set(d.with(['c'], true));
    expect(diff).to.deep.equal({ added: ['c'], removed: [] });
    expect(d.diff, 'the same answer while nothing changed').to.equal(diff);
    d.set(d.with(['a', 'c'], false));
    expect(d.diff).to.deep.equal({ added: [], removed: ['a'] });
    expect(d.pending).to.equal(1);
    expect([...d.saved]).to.deep.equal(['a', 'b']);
  });

  it('rebases onto another admin’s save, keeping this admin’s changes on top', () => {
    const { draft: d } = draft();
    d.reset(saved(['a', 'b']));
    d.set(d.with(['a'], false));
    d.rebase(saved(['a', 'b', 'd'], 2));
    expect(d.base?.version).to.equal(2);
    expect([...d.picks].sort()).to.deep.equal(['b', 'd']);
    expect(d.diff).to.deep.equal({ added: [], removed: ['a'] });
  });
});

describe('turnPage', () => {
  const page = { offset: 50, total: 120 };
  it('turns with Page Down and Page Up, and with the arrows as the reading direction lays out the pager', () => {
    expect(turnPage('PageDown', page, 50, false)).to.equal(100);
    expect(turnPage('PageUp', page, 50, false)).to.equal(0);
    expect(turnPage('ArrowRight', page, 50, false)).to.equal(100);
    expect(turnPage('ArrowLeft', page, 50, false)).to.equal(0);
    expect(turnPage('ArrowRight', page, 50, true), 'right to left: → goes back').to.equal(0);
    expect(turnPage('ArrowLeft', page, 50, true)).to.equal(100);
  });

  it('stays put past either end, and leaves other keys alone', () => {
    expect(turnPage('PageUp', { offset: 0, total: 120 }, 50, false)).to.equal(null);
    expect(turnPage('PageDown', { offset: 100, total: 120 }, 50, false)).to.equal(null);
    expect(turnPage('ArrowLeft', { offset: 0, total: 120 }, 50, false)).to.equal(null);
    expect(turnPage('ArrowDown', page, 50, false)).to.equal(undefined);
    expect(turnPage('Home', page, 50, false)).to.equal(undefined);
  });
});
