/**
 * Staff permission groups (MINDBODY's "Staff permissions"): everyone reads them; only
 * those whose group may administer groups change them, a list of changes at a time, all
 * or none, each checked by the rules of change (`checkGroupChange`) on the groups as the
 * changes before it left them. Every field of every change is checked, and a field a
 * change does not have is refused.
 */
import type { GroupChange, PermissionGroups } from '../../core/types.js';
import {
  ADMINISTER_GROUPS,
  applyGroupChange,
  checkGroupChange,
  PERMISSION_SECTIONS,
  permissionsOf,
  type GroupsState,
} from '../../policy/permissions.js';
import { groupOf, type RequestContext } from '../context.js';
import { checkFields, conflict, forbidden, ifMatch, invalid } from '../http.js';
import type { GroupsRecord } from '../records.js';
import type { Route } from '../router.js';
import type { Storage } from '../storage.js';

/** The fields each kind of change has, and nothing else. */
const SHAPES = {
  create: { kind: 'string', group: 'object' },
  rename: { kind: 'string', groupId: 'string', name: 'string' },
  'set-permissions': { kind: 'string', groupId: 'string', permissions: 'strings' },
  restrict: { kind: 'string', groupId: 'string', allowedAddresses: 'strings-or-null' },
  delete: { kind: 'string', groupId: 'string', 'reassignTo?': 'string' },
  move: { kind: 'string', staffId: 'string', groupId: 'string-or-null' },
} as const;

const MAX_CHANGES = 200;

/** The changes of a request, each of a known kind with exactly its fields; `422` naming each problem otherwise. */
export function readChanges(value: unknown): GroupChange[] {
  const errors = checkFields(value, { changes: 'array' });
  if (Object.keys(errors).length) throw invalid(errors, 'List the changes to make, each of a known kind');
  const changes = (value as { changes: unknown[] }).changes;
  if (!changes.length || changes.length > MAX_CHANGES) throw invalid({ changes: `List 1 to ${MAX_CHANGES} changes` });
  changes.forEach((change, i) => {
    const kind = (change as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !(kind in SHAPES)) {
      errors[`changes[${i}].kind`] = `One of ${Object.keys(SHAPES).join(', ')}`;
      return;
    }
    checkFields(change, SHAPES[kind as keyof typeof SHAPES], `changes[${i}].`, errors);
    if (kind === 'create' && !errors[`changes[${i}].group`])
      checkFields(
        (change as { group: unknown }).group,
        { id: 'string', name: 'string', permissions: 'strings', 'allowedAddresses?': 'strings-or-null' },
        `changes[${i}].group.`,
        errors,
      );
  });
  if (Object.keys(errors).length) throw invalid(errors, 'Some changes are not of the shape their kind needs');
  return changes as GroupChange[];
}

export async function groupsAnswer(
  ctx: RequestContext,
  record?: GroupsRecord,
  tx: Storage = ctx.storage,
): Promise<PermissionGroups> {
  const viewer = await ctx.viewer();
  const { groups, version, updatedAt, updatedBy } = record ?? (await tx.groups.groups());
  const members = await tx.groups.memberCounts();
  const catalogue = ctx.core.catalogue;
  const state: GroupsState = {
    groups,
    staff: [{ id: viewer.id, owner: viewer.role === 'owner', groupId: groupOf(viewer) }],
  };
  const held = permissionsOf(state, viewer.id, catalogue);
  const sections: { id: string; label: string }[] = PERMISSION_SECTIONS.map((section) => ({ ...section }));
  // A host's own sections follow the kit's, named by their ids.
  for (const { section } of catalogue.permissions)
    if (!sections.some((s) => s.id === section)) sections.push({ id: section, label: section });
  return {
    sections,
    permissions: catalogue.permissions.map((p) => ({
      id: p.id,
      section: p.section,
      label: p.label,
      description: p.description,
      sensitive: p.sensitive ?? null,
      implies: [...(p.implies ?? [])],
    })),
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      permissions: [...g.permissions],
      allowedAddresses: g.allowedAddresses ? [...g.allowedAddresses] : null,
      memberCount: members[g.id] ?? 0,
    })),
    viewer: {
      groupId: groupOf(viewer),
      owner: viewer.role === 'owner',
      canAdminister: held === 'all' || held.has(ADMINISTER_GROUPS),
      holds: held === 'all' ? catalogue.permissions.map((p) => p.id) : [...held],
    },
    version,
    updatedAt,
    updatedBy: updatedBy ? { ...updatedBy } : null,
  };
}

/**
 * Makes `changes` in `tx`, all or none, each by the rules of change on the groups as the
 * ones before it left them: `forbidden` for a viewer who may not administer groups,
 * `validation` naming the rule a change breaks, `conflict` on a stale version. Records
 * `permission_group.changed`. The one path every change of groups takes, the
 * `<staff-access>` group change included.
 */
export async function changeGroups(
  ctx: RequestContext,
  tx: Storage,
  changes: readonly GroupChange[],
  version: number,
): Promise<GroupsRecord> {
  const viewer = await ctx.viewer();
  const record = await tx.groups.groups();
  if (record.version !== version)
    throw conflict(await groupsAnswer(ctx, record, tx), 'The permission groups were changed by someone else');
  // The people the rules need: the actor, everyone moved, and the members of every group deleted.
  const deleted = changes.flatMap((c) => (c.kind === 'delete' ? [c.groupId] : []));
  const moved = changes.flatMap((c) => (c.kind === 'move' ? [c.staffId] : []));
  const people = new Map((await tx.groups.members(deleted)).map((m) => [m.id, m]));
  for (const staff of await tx.access.staffByIds([viewer.id, ...moved]))
    people.set(staff.id, { id: staff.id, owner: staff.role === 'owner', groupId: groupOf(staff) });
  const initial = new Map([...people.values()].map((m) => [m.id, m.groupId]));
  let state: GroupsState = { groups: record.groups, staff: [...people.values()] };
  for (const change of changes) {
    const problems = checkGroupChange(state, viewer.id, change, ctx.core.catalogue);
    if (problems.some((p) => p.code === 'not-allowed')) throw forbidden(problems[0]!.message);
    if (problems.length) {
      const described = problems
        .map((p) => p.message + (p.permissions ? ` (${p.permissions.join(', ')})` : ''))
        .join('. ');
      throw invalid({ changes: described }, described);
    }
    state = applyGroupChange(state, change);
  }
  const moves = state.staff
    .filter((s) => !s.owner && s.groupId !== initial.get(s.id))
    .map((s) => ({ staffId: s.id, groupId: s.groupId }));
  const next: GroupsRecord = {
    groups: state.groups.map((g) => ({
      id: g.id,
      name: g.name.trim(),
      permissions: [...new Set(g.permissions)],
      ...(g.allowedAddresses !== undefined && {
        allowedAddresses: g.allowedAddresses && g.allowedAddresses.map((a) => a.trim()),
      }),
    })),
    version: record.version + 1,
    updatedAt: ctx.iso(),
    updatedBy: { id: viewer.id, name: viewer.name },
  };
  if (!(await tx.groups.saveGroups(next, version, moves)))
    throw conflict(await groupsAnswer(ctx, undefined, tx), 'The permission groups were changed by someone else');
  await ctx.audit(tx, 'permission_group.changed', { changes: { groups: { old: record.groups, new: next.groups } } });
  return next;
}

export const routes: Route[] = [
  { method: 'GET', path: '/permission-groups', handler: (ctx) => groupsAnswer(ctx) },
  {
    method: 'POST',
    path: '/permission-groups/changes',
    handler: async (ctx) => {
      await ctx.viewer();
      const version = ifMatch(ctx.request);
      if (!(await ctx.may(ADMINISTER_GROUPS)))
        throw forbidden('Only staff who may administer permission groups change them');
      const changes = readChanges((await ctx.body()).value);
      return ctx.write(async (tx) => ({
        body: await groupsAnswer(ctx, await changeGroups(ctx, tx, changes, version), tx),
      }));
    },
  },
];
