/**
 * Permission groups in the policy module: the catalogue, `can()` and every rule of
 * change, by example and by property (fast-check): closure, and no change that passes
 * the rules lets anyone gain what the one who made it does not hold.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  ADMINISTER_GROUPS,
  applyGroupChange,
  can,
  checkGroupChange,
  DEFAULT_CATALOGUE,
  defaultGroups,
  PERMISSION_SECTIONS,
  PermissionCatalogue,
  permissionsOf,
  type GroupChange,
  type GroupsState,
} from '../src/policy/index.js';

const IDS = DEFAULT_CATALOGUE.permissions.map((p) => p.id);
const codes = (state: GroupsState, actor: string, change: GroupChange) =>
  checkGroupChange(state, actor, change).map((p) => p.code);

/** A business with the default groups, its owner, and a member of each group. */
function business(): GroupsState {
  return {
    groups: [
      ...defaultGroups(),
      // A group that may administer groups and otherwise holds what the front desk holds.
      {
        id: 'group-admins-light',
        name: 'Group admins',
        permissions: [ADMINISTER_GROUPS, ...defaultGroups()[0]!.permissions],
      },
    ],
    staff: [
      { id: 'owner', owner: true, groupId: null },
      { id: 'desk', groupId: 'group-front-desk' },
      { id: 'teacher', groupId: 'group-teacher' },
      { id: 'manager', groupId: 'group-manager' },
      { id: 'admin', groupId: 'group-admin' },
      { id: 'light', groupId: 'group-admins-light' },
      { id: 'newcomer', groupId: null },
    ],
  };
}

describe('permission catalogue', () => {
  it('has the seed’s sections, marks its sensitive reports, and lists the kit’s own', () => {
    const sections = PERMISSION_SECTIONS.map((s) => s.label);
    for (const label of ['Manager tools', 'Reports', 'Client', 'Staff', 'Sales', 'Settings'])
      expect(sections, label).to.include(label);
    const sensitivity = (id: string) => DEFAULT_CATALOGUE.get(id)?.sensitive;
    expect(
      ['reports.mailing-lists', 'reports.ratings-reviews', 'reports.account-balances'].map(sensitivity),
    ).to.deep.equal(['client', 'client', 'client']);
    expect(['reports.payroll', 'reports.phone-book'].map(sensitivity)).to.deep.equal(['staff', 'staff']);
    for (const id of [
      'reports.security-verification',
      'reports.contact-logs',
      'reports.entry-logs',
      'reports.staff-activity',
    ])
      expect(DEFAULT_CATALOGUE.get(id), id).to.not.equal(undefined);
    for (const id of ['client.view-billing', 'client.edit-billing', 'client.administer-logins', 'client.edit-profile'])
      expect(sensitivity(id), id).to.equal('client');
    expect(IDS).to.include(ADMINISTER_GROUPS).and.to.include('manager-tools.manage-staff-logins');
  });

  it('grants what a permission needs: editing implies viewing', () => {
    const granted = DEFAULT_CATALOGUE.closure(['client.edit-billing']);
    expect([...granted].sort()).to.deep.equal(['client.edit-billing', 'client.view-billing', 'client.view-profile']);
    expect(DEFAULT_CATALOGUE.impliedBy('client.view-billing', ['client.edit-billing'])).to.deep.equal([
      'client.edit-billing',
    ]);
  });

  it('takes a host’s own permissions, and refuses a catalogue that cannot be right', () => {
    const own = new PermissionCatalogue([
      {
        id: 'marketing.send-campaigns',
        section: 'marketing',
        label: 'Send campaigns',
        description: '',
        implies: ['reports.mailing-lists'],
      },
    ]);
    expect([...own.closure(['marketing.send-campaigns'])]).to.include('reports.mailing-lists');
    const make = (extra: ConstructorParameters<typeof PermissionCatalogue>[0]) => () => new PermissionCatalogue(extra);
    expect(make([{ id: 'sales.sell', section: 'sales', label: '', description: '' }])).to.throw(/twice/);
    expect(make([{ id: 'x.a', section: 'x', label: '', description: '', implies: ['x.nothing'] }])).to.throw(
      /not in the catalogue/,
    );
    expect(
      make([
        { id: 'x.a', section: 'x', label: '', description: '', implies: ['x.b'] },
        { id: 'x.b', section: 'x', label: '', description: '', implies: ['x.a'] },
      ]),
    ).to.throw(/loop/);
  });

  it('closes any set of permissions: it keeps them, adds what they imply, and is stable (property)', () => {
    fc.assert(
      fc.property(fc.subarray(IDS), fc.subarray(IDS), (a, b) => {
        const closed = DEFAULT_CATALOGUE.closure(a);
        for (const id of a) if (!closed.has(id)) return false;
        for (const id of closed)
          for (const needed of DEFAULT_CATALOGUE.get(id)?.implies ?? []) if (!closed.has(needed)) return false;
        const again = DEFAULT_CATALOGUE.closure(closed);
        if (again.size !== closed.size) return false;
        // Monotone: more listed never grants less.
        const union = DEFAULT_CATALOGUE.closure([...a, ...b]);
        return [...closed].every((id) => union.has(id));
      }),
      { numRuns: 300 },
    );
  });
});

describe('can()', () => {
  it('lets the owner do anything, even what a host added, and a staff member without a group nothing', () => {
    const state = business();
    expect(can(state, 'owner', 'reports.payroll')).to.equal(true);
    expect(can(state, 'owner', 'marketing.anything')).to.equal(true);
    expect(permissionsOf(state, 'owner')).to.equal('all');
    expect(IDS.some((id) => can(state, 'newcomer', id))).to.equal(false);
    expect(can(state, 'nobody-at-all', 'sales.sell')).to.equal(false);
  });

  it('grants least privilege by default: desk staff and teachers hold nothing sensitive, admins everything', () => {
    const state = business();
    for (const who of ['desk', 'teacher']) {
      const held = permissionsOf(state, who) as ReadonlySet<string>;
      const sensitive = [...held].filter((id) => DEFAULT_CATALOGUE.get(id)?.sensitive);
      expect(sensitive, who).to.deep.equal([]);
    }
    expect(can(state, 'desk', 'schedule.book-appointments')).to.equal(true);
    expect(can(state, 'desk', 'client.view-profile'), 'implied by updating profiles').to.equal(true);
    expect(can(state, 'teacher', 'schedule.sign-in-clients')).to.equal(true);
    expect(can(state, 'manager', 'client.view-billing'), 'managers see billing').to.equal(true);
    expect(can(state, 'manager', ADMINISTER_GROUPS)).to.equal(false);
    expect(IDS.every((id) => can(state, 'admin', id))).to.equal(true);
  });
});

describe('rules of change', () => {
  it('lets only those who may administer groups change them', () => {
    const state = business();
    expect(codes(state, 'manager', { kind: 'rename', groupId: 'group-teacher', name: 'Teachers' })).to.deep.equal([
      'not-allowed',
    ]);
    expect(codes(state, 'admin', { kind: 'rename', groupId: 'group-teacher', name: 'Teachers' })).to.deep.equal([]);
  });

  it('refuses to grant what the one granting does not hold, by permissions, a move or a reassignment', () => {
    const state = business();
    const grant = checkGroupChange(state, 'light', {
      kind: 'set-permissions',
      groupId: 'group-teacher',
      permissions: ['schedule.book-classes', 'client.edit-billing'],
    });
    expect(grant.map((p) => p.code)).to.deep.equal(['not-held']);
    expect(grant[0]!.permissions).to.include('client.edit-billing').and.to.include('client.view-billing');
    expect(codes(state, 'light', { kind: 'move', staffId: 'desk', groupId: 'group-manager' })).to.deep.equal([
      'not-held',
    ]);
    expect(
      codes(state, 'light', { kind: 'delete', groupId: 'group-teacher', reassignTo: 'group-manager' }),
    ).to.deep.equal(['not-held']);
    expect(
      codes(state, 'light', {
        kind: 'create',
        group: { id: 'group-new', name: 'New', permissions: ['reports.payroll'] },
      }),
    ).to.deep.equal(['not-held']);
    // What they hold, they may grant.
    expect(codes(state, 'light', { kind: 'move', staffId: 'newcomer', groupId: 'group-front-desk' })).to.deep.equal([]);
  });

  it('refuses changes to one’s own group and moves into a stronger one, but allows moving down', () => {
    const state = business();
    expect(codes(state, 'admin', { kind: 'set-permissions', groupId: 'group-admin', permissions: IDS })).to.deep.equal([
      'own-group',
    ]);
    const upward: GroupsState = {
      ...state,
      staff: state.staff.map((s) => (s.id === 'light' ? { ...s, groupId: 'group-admins-light' } : s)),
      groups: state.groups.map((g) =>
        g.id === 'group-manager' ? { ...g, permissions: [...g.permissions, ADMINISTER_GROUPS] } : g,
      ),
    };
    // Light may not hold billing: the move is refused both as a grant and as a promotion.
    expect(codes(upward, 'light', { kind: 'move', staffId: 'light', groupId: 'group-manager' })).to.include(
      'self-promotion',
    );
    expect(codes(state, 'admin', { kind: 'move', staffId: 'admin', groupId: 'group-teacher' })).to.deep.equal([]);
  });

  it('never edits the owner', () => {
    expect(codes(business(), 'admin', { kind: 'move', staffId: 'owner', groupId: 'group-teacher' })).to.deep.equal([
      'owner',
    ]);
  });

  it('deletes a group with members only with somewhere to move them', () => {
    const state = business();
    expect(codes(state, 'admin', { kind: 'delete', groupId: 'group-teacher' })).to.deep.equal(['members-remain']);
    const moved = { kind: 'delete', groupId: 'group-teacher', reassignTo: 'group-front-desk' } as const;
    // The front desk's group grants what teachers lack: a deletion may not promote them silently, but the owner may.
    expect(codes(state, 'admin', moved)).to.deep.equal(['stronger-reassignment']);
    expect(codes(state, 'owner', moved)).to.deep.equal([]);
    const after = applyGroupChange(state, moved);
    expect(after.staff.find((s) => s.id === 'teacher')!.groupId).to.equal('group-front-desk');
    expect(
      codes(state, 'admin', { kind: 'delete', groupId: 'group-teacher', reassignTo: 'group-teacher' }),
    ).to.deep.equal(['unknown-group']);
  });

  it('keeps at least one group that may administer groups', () => {
    const state: GroupsState = {
      groups: [
        { id: 'a', name: 'A', permissions: [ADMINISTER_GROUPS] },
        { id: 'b', name: 'B', permissions: [] },
      ],
      staff: [
        { id: 'owner', owner: true, groupId: null },
        { id: 'x', groupId: 'b' },
      ],
    };
    expect(codes(state, 'owner', { kind: 'set-permissions', groupId: 'a', permissions: [] })).to.deep.equal([
      'last-administrator',
    ]);
    expect(codes(state, 'owner', { kind: 'delete', groupId: 'a' })).to.deep.equal(['last-administrator']);
    expect(
      codes(state, 'owner', { kind: 'set-permissions', groupId: 'b', permissions: [ADMINISTER_GROUPS] }),
    ).to.deep.equal([]);
  });

  it('lets no allowed change raise anyone above what its maker holds, or leave no administrator (property)', () => {
    const groupIds = ['g0', 'g1', 'g2', 'g3'];
    const staffIds = ['s0', 's1', 's2', 's3', 's4'];
    const state = fc.record({
      groups: fc.tuple(...groupIds.map((id) => fc.subarray(IDS).map((permissions) => ({ id, name: id, permissions })))),
      staff: fc.tuple(
        ...staffIds.map((id) => fc.constantFrom<string | null>(null, ...groupIds).map((groupId) => ({ id, groupId }))),
      ),
    });
    const change: fc.Arbitrary<GroupChange> = fc.oneof(
      fc.record({
        kind: fc.constant('set-permissions' as const),
        groupId: fc.constantFrom(...groupIds),
        permissions: fc.subarray(IDS),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        staffId: fc.constantFrom('owner', ...staffIds),
        groupId: fc.constantFrom<string | null>(null, ...groupIds),
      }),
      fc.record({
        kind: fc.constant('delete' as const),
        groupId: fc.constantFrom(...groupIds),
        reassignTo: fc.option(fc.constantFrom(...groupIds), { nil: undefined }),
      }),
      fc.record({
        kind: fc.constant('create' as const),
        group: fc.subarray(IDS).map((permissions) => ({ id: 'g-new', name: 'New', permissions })),
      }),
    );
    const held = (s: GroupsState, id: string) => permissionsOf(s, id) as ReadonlySet<string>;
    fc.assert(
      fc.property(state, fc.constantFrom(...staffIds), change, (raw, actor, change) => {
        const before: GroupsState = {
          groups: raw.groups,
          staff: [{ id: 'owner', owner: true, groupId: null }, ...raw.staff],
        };
        if (checkGroupChange(before, actor, change).length) return true;
        const after = applyGroupChange(before, change);
        const maker = held(before, actor);
        for (const member of raw.staff) {
          const was = held(before, member.id);
          const now = held(after, member.id);
          for (const id of now) if (!was.has(id) && !maker.has(id)) return false;
          if (member.id === actor) for (const id of now) if (!was.has(id)) return false;
        }
        if (permissionsOf(after, 'owner') !== 'all') return false;
        return after.groups.some((g) => DEFAULT_CATALOGUE.closure(g.permissions).has(ADMINISTER_GROUPS));
      }),
      { numRuns: 2000 },
    );
  });
});
