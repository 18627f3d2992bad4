import { expect } from '@open-wc/testing';
import { moveIndex } from '../src/core/list-keys.js';
import { diffPicks, rebasePicks } from '../src/elements/staff-override-list/picks.js';

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
