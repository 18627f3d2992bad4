/**
 * Staff permission groups, as MINDBODY's security article describes them: staff get
 * access through groups; a permission can need others (editing needs viewing), and
 * granting it grants them; the owner's login is not subject to permissions at all.
 * Grant few permissions up front and add more when needed.
 *
 * Pure TypeScript for a host's Node backend and the kit alike: a catalogue of
 * permissions, `can()` to decide, and the rules of change (`checkGroupChange`), which
 * keep anyone from raising their own access or granting what they do not hold.
 */

import type { GroupChange, GroupMember, PermissionGroup, Role } from '../core/types.js';
import { isAddressRange, isEveryAddress, rangesNarrow } from './addresses.js';
import { groupNameKey } from './fold.js';

export { isAddressRange };

/** Whose personal data a permission exposes. */
export type Sensitivity = 'client' | 'staff';

export interface Permission {
  /** Stable id, `section.name`. */
  id: string;
  section: string;
  /** What staff see in the editor (English; the elements translate the kit's own). */
  label: string;
  description: string;
  /** Whose personal data it exposes, if any. */
  sensitive?: Sensitivity;
  /** Permissions it cannot work without: granting it grants them too. */
  implies?: readonly string[];
}

/** The sections, in the editor's order, with their labels. */
export const PERMISSION_SECTIONS = [
  { id: 'manager-tools', label: 'Manager tools' },
  { id: 'schedule', label: 'Appointments and classes' },
  { id: 'client', label: 'Client' },
  { id: 'staff', label: 'Staff' },
  { id: 'sales', label: 'Sales' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
] as const;

/** The permission that lets staff change groups: at least one group always keeps it. */
export const ADMINISTER_GROUPS = 'manager-tools.administer-permission-groups';

const p = (
  id: string,
  label: string,
  description: string,
  extra: Pick<Permission, 'sensitive' | 'implies'> = {},
): Permission => ({ id, section: id.slice(0, id.indexOf('.')), label, description, ...extra });

/** The kit's catalogue: the seed's sections and sensitive reports, and the kit's own reports. */
export const PERMISSIONS: readonly Permission[] = [
  p(
    ADMINISTER_GROUPS,
    'Administer permission groups',
    'Create, change and delete groups, and move staff between them.',
  ),
  p('manager-tools.manage-staff-logins', 'Manage other staff members’ logins', 'Give, reset and remove staff logins.', {
    sensitive: 'staff',
    implies: ['staff.view-profiles'],
  }),
  p(
    'manager-tools.security-settings',
    'Change security settings',
    'Turn contact masking on or off and choose who still sees contacts.',
  ),
  p('schedule.book-appointments', 'Book appointments', 'Book, move and cancel appointments.'),
  p('schedule.book-classes', 'Book classes', 'Sign clients up for classes and enrolments.'),
  p('schedule.sign-in-clients', 'Sign clients in', 'Sign clients in when they arrive, with their alerts.', {
    implies: ['client.view-profile'],
  }),
  p('client.view-profile', 'View client profiles', 'See a client’s name, visits and notes.'),
  p('client.update-profile', 'Update client profile information', 'Change a client’s name, notes and preferences.', {
    implies: ['client.view-profile'],
  }),
  p('client.edit-profile', 'Edit client profiles', 'Change any part of a profile, contact details included.', {
    sensitive: 'client',
    implies: ['client.update-profile'],
  }),
  p('client.view-billing', 'View billing information', 'See stored cards, payment methods and account balances.', {
    sensitive: 'client',
    implies: ['client.view-profile'],
  }),
  p('client.edit-billing', 'Edit billing information', 'Add and change stored cards and payment methods.', {
    sensitive: 'client',
    implies: ['client.view-billing'],
  }),
  p('client.administer-logins', 'Administer client logins', 'Link, verify and remove the logins clients use online.', {
    sensitive: 'client',
    implies: ['client.view-profile'],
  }),
  p('staff.view-schedule', 'View staff schedules', 'See who works when.'),
  p('staff.view-profiles', 'View staff profiles', 'See staff members’ profiles and contact details.', {
    sensitive: 'staff',
  }),
  p('staff.edit-profiles', 'Edit staff profiles', 'Change staff members’ profiles, pay rates included.', {
    sensitive: 'staff',
    implies: ['staff.view-profiles'],
  }),
  p('sales.sell', 'Sell', 'Ring up sales of services and products.'),
  p('sales.gift-cards', 'Sell gift cards', 'Issue gift cards and their numbers.', { implies: ['sales.sell'] }),
  p('sales.refund', 'Refund sales', 'Return payments to clients.', { implies: ['sales.sell'] }),
  p('reports.sales', 'Sales reports', 'Takings by day, service and staff member.'),
  p('reports.mailing-lists', 'Mailing Lists report', 'Clients’ names, addresses and emails.', { sensitive: 'client' }),
  p('reports.ratings-reviews', 'Connect Ratings & Reviews report', 'What clients wrote about their visits.', {
    sensitive: 'client',
  }),
  p('reports.account-balances', 'Account Balances report', 'What each client owes or holds.', { sensitive: 'client' }),
  p('reports.payroll', 'Payroll report', 'Staff members’ pay.', { sensitive: 'staff' }),
  p('reports.phone-book', 'Phone Book report', 'Staff members’ phone numbers and addresses.', { sensitive: 'staff' }),
  p('reports.security-verification', 'Security Verification report', 'Online logins that claimed a client profile.', {
    sensitive: 'client',
    implies: ['client.view-profile'],
  }),
  p('reports.contact-logs', 'Contact Logs report', 'Who handled which client alert, and why.', { sensitive: 'client' }),
  p('reports.entry-logs', 'Entry Logs report', 'Who signed in to the system, when and from where.', {
    sensitive: 'staff',
  }),
  p('reports.staff-activity', 'Staff Activity report', 'Who looked at sensitive client data.', { sensitive: 'staff' }),
  p('settings.business', 'Business settings', 'The business’s name, hours and locations.'),
  p('settings.client-alerts', 'Client alert settings', 'Which alerts exist and when they fire.'),
];

/** A catalogue of permissions: the kit's, with any of the host's own added. */
export class PermissionCatalogue {
  readonly permissions: readonly Permission[];
  readonly #byId: Map<string, Permission>;
  readonly #closures = new Map<string, ReadonlySet<string>>();

  /** Throws on a repeated id, an `implies` naming no permission, or permissions that imply each other in a loop. */
  constructor(extra: readonly Permission[] = [], base: readonly Permission[] = PERMISSIONS) {
    this.permissions = [...base, ...extra];
    this.#byId = new Map();
    for (const permission of this.permissions) {
      if (this.#byId.has(permission.id)) throw new Error(`The permission ${permission.id} is listed twice`);
      this.#byId.set(permission.id, permission);
    }
    for (const permission of this.permissions)
      for (const needed of permission.implies ?? [])
        if (!this.#byId.has(needed))
          throw new Error(`${permission.id} implies ${needed}, which is not in the catalogue`);
    for (const permission of this.permissions) this.#closureOf(permission.id, []);
  }

  get(id: string): Permission | undefined {
    return this.#byId.get(id);
  }

  /** Everything `ids` grant: each permission and, transitively, what it implies. Unknown ids are dropped. */
  closure(ids: Iterable<string>): Set<string> {
    const all = new Set<string>();
    for (const id of ids) if (this.#byId.has(id)) for (const granted of this.#closureOf(id, [])) all.add(granted);
    return all;
  }

  /** Why `id` is granted by `ids` though not listed: the listed permissions that imply it. */
  impliedBy(id: string, ids: Iterable<string>): string[] {
    return [...ids].filter((other) => other !== id && this.#closureOf(other, []).has(id));
  }

  #closureOf(id: string, path: string[]): ReadonlySet<string> {
    const known = this.#closures.get(id);
    if (known) return known;
    if (path.includes(id)) throw new Error(`Permissions imply each other in a loop: ${[...path, id].join(' → ')}`);
    const all = new Set([id]);
    for (const needed of this.#byId.get(id)?.implies ?? [])
      for (const granted of this.#closureOf(needed, [...path, id])) all.add(granted);
    this.#closures.set(id, all);
    return all;
  }
}

export const DEFAULT_CATALOGUE = new PermissionCatalogue();

export type { GroupChange, GroupMember, PermissionGroup } from '../core/types.js';

export interface GroupsState {
  groups: readonly PermissionGroup[];
  staff: readonly GroupMember[];
}

/**
 * Everything a staff member may do: `all` for the owner; nothing without a group. Only
 * that staff member's entry in `state.staff` is read: a backend with many staff can pass
 * the groups and that one person rather than everyone.
 */
export function permissionsOf(
  state: GroupsState,
  staffId: string,
  catalogue: PermissionCatalogue = DEFAULT_CATALOGUE,
): ReadonlySet<string> | 'all' {
  const member = state.staff.find((s) => s.id === staffId);
  if (!member) return new Set();
  if (member.owner) return 'all';
  const group = state.groups.find((g) => g.id === member.groupId);
  return catalogue.closure(group?.permissions ?? []);
}

/** Whether a staff member may do what `permission` allows (`state.staff` needs only them, as for `permissionsOf`). */
export function can(
  state: GroupsState,
  staffId: string,
  permission: string,
  catalogue: PermissionCatalogue = DEFAULT_CATALOGUE,
): boolean {
  const held = permissionsOf(state, staffId, catalogue);
  return held === 'all' || held.has(permission);
}

export type GroupChangeProblemCode =
  | 'not-allowed'
  | 'unknown-group'
  | 'unknown-staff'
  | 'unknown-permission'
  | 'not-held'
  | 'own-group'
  | 'self-promotion'
  | 'own-restriction'
  | 'stronger-reassignment'
  | 'owner'
  | 'members-remain'
  | 'last-administrator'
  | 'name-taken'
  | 'bad-name'
  | 'bad-id'
  | 'bad-address';

export interface GroupChangeProblem {
  code: GroupChangeProblemCode;
  /** Says what is wrong, in English, for logs and error bodies. */
  message: string;
  /** The permissions (`not-held`, `unknown-permission`) or addresses (`bad-address`) concerned. */
  permissions?: string[];
}

/** The state after `change`, whether or not it is allowed (see `checkGroupChange`). */
export function applyGroupChange(state: GroupsState, change: GroupChange): GroupsState {
  switch (change.kind) {
    case 'create':
      return { ...state, groups: [...state.groups, change.group] };
    case 'rename':
      return { ...state, groups: state.groups.map((g) => (g.id === change.groupId ? { ...g, name: change.name } : g)) };
    case 'set-permissions':
      return {
        ...state,
        groups: state.groups.map((g) => (g.id === change.groupId ? { ...g, permissions: [...change.permissions] } : g)),
      };
    case 'delete':
      return {
        groups: state.groups.filter((g) => g.id !== change.groupId),
        staff: state.staff.map((s) =>
          s.groupId === change.groupId ? { ...s, groupId: change.reassignTo ?? null } : s,
        ),
      };
    case 'move':
      return {
        ...state,
        staff: state.staff.map((s) => (s.id === change.staffId ? { ...s, groupId: change.groupId } : s)),
      };
    case 'restrict':
      return {
        ...state,
        groups: state.groups.map((g) =>
          g.id === change.groupId
            ? { ...g, allowedAddresses: change.allowedAddresses && [...change.allowedAddresses] }
            : g,
        ),
      };
  }
}

/** The longest group name the kit accepts. */
export const MAX_GROUP_NAME = 80;

export { groupNameKey };

/** What is wrong with a list of addresses a group may sign in from; empty when it may be saved. */
export function addressProblems(allowed: readonly string[] | null): string[] {
  if (allowed === null) return [];
  if (!allowed.length) return ['A restricted group needs at least one address or range to sign in from'];
  if (allowed.some((a) => !isAddressRange(a))) return ['Some addresses are not IP addresses or ranges'];
  if (allowed.some(isEveryAddress)) return ['A range that allows every address is no restriction: remove it instead'];
  return [];
}

/**
 * Whether the group `to` is stronger than `from`: it grants a permission `from` does not,
 * or lets its members sign in from an address `from` does not.
 */
function stronger(
  from: PermissionGroup | undefined,
  to: PermissionGroup | undefined,
  catalogue: PermissionCatalogue,
): boolean {
  const had = catalogue.closure(from?.permissions ?? []);
  if ([...catalogue.closure(to?.permissions ?? [])].some((id) => !had.has(id))) return true;
  // No group at all signs in from nowhere, through no group.
  if (!to) return false;
  return !!from && !rangesNarrow(to.allowedAddresses ?? null, from.allowedAddresses ?? null);
}

/**
 * What is wrong with `actor` making `change`; empty when it is allowed. The rules:
 * only those who may administer groups change them; nobody grants a permission they do
 * not hold (by a group's permissions, a move, or a deletion's reassignment); nobody but
 * the owner changes their own group's permissions, lifts or widens its address
 * restriction, moves themselves into a stronger group (one that grants more, or lets them
 * sign in from more places), or deletes a group so that its members land in a stronger
 * one; the owner is never edited; a group with members is deleted only with somewhere to
 * move them; names are non-blank and unique (`groupNameKey`); addresses are IP addresses
 * or ranges, never every address; and at least one group keeps the permission to
 * administer groups.
 */
export function checkGroupChange(
  state: GroupsState,
  actorId: string,
  change: GroupChange,
  catalogue: PermissionCatalogue = DEFAULT_CATALOGUE,
): GroupChangeProblem[] {
  const problems: GroupChangeProblem[] = [];
  const actor = state.staff.find((s) => s.id === actorId);
  const held = actor ? permissionsOf(state, actorId, catalogue) : new Set<string>();
  const holds = (id: string) => held === 'all' || held.has(id);
  if (!actor || !holds(ADMINISTER_GROUPS))
    return [{ code: 'not-allowed', message: 'Only staff who may administer permission groups change them' }];
  const group = (id: string | null | undefined) => state.groups.find((g) => g.id === id);
  const grantsOf = (id: string | null | undefined) => catalogue.closure(group(id)?.permissions ?? []);
  /** What `to` grants that `from` did not, and that the actor does not hold. */
  const notHeld = (from: ReadonlySet<string>, to: ReadonlySet<string>) =>
    [...to].filter((id) => !from.has(id) && !holds(id));
  const refuse = (code: GroupChangeProblemCode, message: string, permissions?: string[]) =>
    problems.push(permissions ? { code, message, permissions } : { code, message });
  const checkName = (name: string, except?: string) => {
    const key = groupNameKey(name);
    if (!key) refuse('bad-name', 'A group needs a name');
    else if ([...name.trim()].length > MAX_GROUP_NAME)
      refuse('bad-name', `A group name has at most ${MAX_GROUP_NAME} characters`);
    else if (state.groups.some((g) => g.id !== except && groupNameKey(g.name) === key))
      refuse('name-taken', `A group called ${name.trim()} exists already`);
  };
  const checkAddresses = (allowed: readonly string[] | null) => {
    const [problem] = addressProblems(allowed);
    if (problem)
      refuse(
        'bad-address',
        problem,
        allowed?.filter((a) => !isAddressRange(a) || isEveryAddress(a)),
      );
  };

  switch (change.kind) {
    case 'create':
    case 'set-permissions': {
      const id = change.kind === 'create' ? change.group.id : change.groupId;
      const permissions = change.kind === 'create' ? change.group.permissions : change.permissions;
      if (change.kind === 'create') {
        if (!/^[A-Za-z0-9][\w.:-]{0,63}$/.test(id))
          refuse('bad-id', 'A group id is 1 to 64 letters, digits, dots, colons, dashes or underscores');
        else if (group(id)) refuse('name-taken', `A group ${id} exists already`);
        checkName(change.group.name);
        checkAddresses(change.group.allowedAddresses ?? null);
      }
      if (change.kind === 'set-permissions' && !group(id)) refuse('unknown-group', `No group ${id}`);
      const unknown = permissions.filter((p) => !catalogue.get(p));
      if (unknown.length) refuse('unknown-permission', 'Some permissions are not in the catalogue', unknown);
      if (change.kind === 'set-permissions' && actor.groupId === id && !actor.owner)
        refuse('own-group', 'Nobody changes the permissions of their own group');
      const gained = notHeld(change.kind === 'create' ? new Set() : grantsOf(id), catalogue.closure(permissions));
      if (gained.length) refuse('not-held', 'Nobody grants a permission they do not hold', gained);
      break;
    }
    case 'rename':
      if (!group(change.groupId)) refuse('unknown-group', `No group ${change.groupId}`);
      else checkName(change.name, change.groupId);
      break;
    case 'restrict': {
      const target = group(change.groupId);
      if (!target) refuse('unknown-group', `No group ${change.groupId}`);
      checkAddresses(change.allowedAddresses);
      if (
        target &&
        !problems.length &&
        actor.groupId === target.id &&
        !actor.owner &&
        !rangesNarrow(change.allowedAddresses, target.allowedAddresses ?? null)
      )
        refuse('own-restriction', 'Nobody lifts or widens the address restriction of their own group');
      break;
    }
    case 'delete': {
      if (!group(change.groupId)) refuse('unknown-group', `No group ${change.groupId}`);
      const members = state.staff.filter((s) => s.groupId === change.groupId);
      if (members.length && !change.reassignTo)
        refuse('members-remain', 'Move the group’s members to another group before deleting it');
      if (change.reassignTo !== undefined && (!group(change.reassignTo) || change.reassignTo === change.groupId))
        refuse('unknown-group', `No other group ${change.reassignTo} to move the members to`);
      else if (members.length && change.reassignTo) {
        const gained = notHeld(grantsOf(change.groupId), grantsOf(change.reassignTo));
        if (gained.length) refuse('not-held', 'Nobody grants a permission they do not hold', gained);
        else if (!actor.owner && stronger(group(change.groupId), group(change.reassignTo), catalogue))
          refuse(
            'stronger-reassignment',
            'Deleting a group moves its members only to a group that grants no more and allows no more addresses; move them one by one to give them more',
          );
      }
      break;
    }
    case 'move': {
      const member = state.staff.find((s) => s.id === change.staffId);
      if (!member) refuse('unknown-staff', `No staff member ${change.staffId}`);
      else if (member.owner) refuse('owner', 'The owner’s login is not subject to permissions and is never edited');
      if (change.groupId !== null && !group(change.groupId)) refuse('unknown-group', `No group ${change.groupId}`);
      if (member && !member.owner) {
        const gained = notHeld(grantsOf(member.groupId), grantsOf(change.groupId));
        if (gained.length) refuse('not-held', 'Nobody grants a permission they do not hold', gained);
        if (member.id === actorId && stronger(group(member.groupId), group(change.groupId), catalogue))
          refuse(
            'self-promotion',
            'Nobody moves themselves into a group that holds more than their own or signs in from more places',
          );
      }
      break;
    }
  }

  if (!problems.length) {
    const after = applyGroupChange(state, change);
    if (!after.groups.some((g) => catalogue.closure(g.permissions).has(ADMINISTER_GROUPS)))
      refuse('last-administrator', 'At least one group must keep the permission to administer permission groups');
  }
  return problems;
}

/**
 * The groups a deletion may move `groupId`'s members to, for `actorId`: every other
 * group for the owner; for anyone else those that grant no more and allow no more
 * addresses (see `checkGroupChange`).
 */
export function reassignTargets(
  state: GroupsState,
  actorId: string,
  groupId: string,
  catalogue: PermissionCatalogue = DEFAULT_CATALOGUE,
): PermissionGroup[] {
  return state.groups.filter(
    (g) =>
      g.id !== groupId &&
      !checkGroupChange(state, actorId, { kind: 'delete', groupId, reassignTo: g.id }, catalogue).some(
        (p) => p.code === 'not-held' || p.code === 'stronger-reassignment',
      ),
  );
}

/**
 * The groups a business starts with, least privilege first: desk staff book and sign in
 * and update profiles, with nothing sensitive; teachers sign people up and in; managers
 * also see and edit billing, answer the Security Verification report and read the
 * Contact Logs and Entry Logs reports; admins hold
 * everything. A new group starts empty.
 */
export function defaultGroups(catalogue: PermissionCatalogue = DEFAULT_CATALOGUE): PermissionGroup[] {
  const frontDesk = [
    'schedule.book-appointments',
    'schedule.book-classes',
    'schedule.sign-in-clients',
    'client.update-profile',
    'sales.sell',
    'sales.gift-cards',
  ];
  return [
    { id: 'group-front-desk', name: 'Front desk', permissions: frontDesk },
    {
      id: 'group-teacher',
      name: 'Teacher or service provider',
      permissions: ['schedule.book-classes', 'schedule.sign-in-clients', 'staff.view-schedule'],
    },
    {
      id: 'group-manager',
      name: 'Manager',
      permissions: [
        ...frontDesk,
        'client.edit-billing',
        'staff.view-schedule',
        'reports.sales',
        'reports.security-verification',
        'reports.contact-logs',
        'reports.entry-logs',
        'sales.refund',
      ],
    },
    { id: 'group-admin', name: 'Admin', permissions: catalogue.permissions.map((p) => p.id) },
  ];
}

/** The default group for each role of the kit's `Viewer`, for hosts that know roles, not groups. */
export const ROLE_GROUPS: Record<Exclude<Role, 'owner'>, string> = {
  admin: 'group-admin',
  manager: 'group-manager',
  staff: 'group-front-desk',
};

/** How far each role reaches: an owner over everyone, an admin over managers and staff. */
const ROLE_RANK: Record<Role, number> = { staff: 0, manager: 1, admin: 2, owner: 3 };

/** The changes to someone's access that could hand their login to someone else, or weaken it. */
const GUARDED_ACCESS = new Set(['rename-login', 'reset-two-factor', 'deactivate', 'reactivate', 'change-group']);

/**
 * Why `actor` may not make a change to `target`'s access, or `null` when they may. The
 * owner's login is changed by the owner alone. Unlocking and signing out everywhere only
 * protect a login, so anyone who manages logins may; every other change (a new username
 * or password, two-factor sign-in reset, deactivation, reactivation, another group) is
 * made only to someone whose role reaches no further than the actor's and who holds
 * nothing the actor does not: nobody takes over, or weakens, a stronger person's login.
 */
export function accessChangeProblem(
  actor: { role: Role; holds: ReadonlySet<string> | 'all' },
  target: { role: Role; holds: ReadonlySet<string> | 'all' },
  action: string,
): string | null {
  if (actor.role === 'owner') return null;
  if (target.role === 'owner') return 'The owner’s login is changed by the owner alone';
  if (!GUARDED_ACCESS.has(action)) return null;
  if (ROLE_RANK[target.role] > ROLE_RANK[actor.role] || (target.holds === 'all' && actor.holds !== 'all'))
    return 'Nobody changes the login of someone whose role reaches further than their own';
  const held = actor.holds;
  if (held !== 'all' && target.holds !== 'all' && [...target.holds].some((id) => !held.has(id)))
    return 'Nobody changes the login of someone who holds permissions they do not';
  return null;
}
