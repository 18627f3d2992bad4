/**
 * One person's login (MINDBODY's "Former staff"): who is signed in, and what a manager
 * does to someone's access: unlock, sign out everywhere, reset two-factor sign-in,
 * rename the login, change the group, deactivate (the login deleted, the group removed,
 * every location unassigned, off the override list, every session ended; contact details
 * kept) and reactivate (new login details and nothing else). Every password set is
 * checked by the business's login rules, the common-password list included.
 */
import type { AuditEvent, PersonRef, StaffAccess } from '../../core/types.js';
import { foldForSearch } from '../../policy/fold.js';
import { checkPassword } from '../../policy/passwords.js';
import { accessChangeProblem, permissionsOf } from '../../policy/permissions.js';
import { USERNAME_MESSAGES, usernameKey, usernameProblems, usernameSkeleton } from '../../policy/sign-in.js';
import { groupOf, type RequestContext } from '../context.js';
import { hashPassword } from '../crypto.js';
import { forbidden, ifMatch, invalid, json, notFound, checkFields, conflict } from '../http.js';
import { changeGroups } from '../groups/routes.js';
import type { LoginRecord, StaffRecord } from '../records.js';
import type { Route } from '../router.js';
import type { Storage } from '../storage.js';
import { signIn, signOut } from './sign-in.js';

const MANAGE = 'manager-tools.manage-staff-logins';
const NOT_MANAGER = 'Your permission group does not include managing other staff members’ logins';

const ACTIONS = {
  unlock: 'staff.unlocked',
  'sign-out-everywhere': 'staff.signed_out_everywhere',
  'reset-two-factor': 'staff.two_factor_reset',
  'rename-login': 'staff.login_renamed',
  'change-group': 'permission_group.member_changed',
  deactivate: 'staff.deactivated',
  reactivate: 'staff.reactivated',
} as const;
type Action = keyof typeof ACTIONS;

/** A login seen through the record: one with login access but no details yet signs in as its id. */
function loginOf(staff: StaffRecord): LoginRecord | undefined {
  if (!staff.hasLoginAccess) return undefined;
  return staff.login ?? { username: staff.id, lockedUntil: null, lastSignInAt: null, twoFactor: false, sessions: 0 };
}

async function staffMember(ctx: RequestContext, id: string, tx: Storage = ctx.storage): Promise<StaffRecord> {
  const staff = await tx.access.staff(id);
  if (!staff) throw notFound('No staff member with this id');
  return staff;
}

export async function accessOf(
  ctx: RequestContext,
  staff: StaffRecord,
  tx: Storage = ctx.storage,
): Promise<StaffAccess> {
  const viewer = await ctx.viewer();
  const managesLogins = await ctx.may(MANAGE);
  if (!managesLogins && viewer.id !== staff.id) throw forbidden(NOT_MANAGER);
  // Offered only where every change is allowed: not on the owner, nor on anyone stronger.
  const canManage = managesLogins && !(await guardedRefusal(ctx, viewer, staff, 'rename-login'));
  const login = loginOf(staff);
  const locked = !!login?.lockedUntil && login.lockedUntil > ctx.iso();
  const groupId = staff.hasLoginAccess ? groupOf(staff) : null;
  const [groups, locations, overrides] = await Promise.all([
    tx.groups.groups(),
    tx.masking.locations(),
    tx.masking.overrides(),
  ]);
  const group = groups.groups.find((g) => g.id === groupId);
  const location = locations.find((l) => l.id === staff.locationId);
  // The backend sees what a browser cannot: other staff signing in with the same username.
  const sharing = login ? await tx.access.staffByUsername(usernameKey(login.username)) : [];
  return {
    staff: { id: staff.id, name: staff.name, role: staff.role },
    status: !login ? 'no-login' : locked ? 'locked' : 'active',
    username: login?.username ?? null,
    lockedUntil: locked ? login!.lockedUntil : null,
    lastSignInAt: login?.lastSignInAt ?? null,
    twoFactor: login?.twoFactor ?? false,
    group: group ? { id: group.id, name: group.name } : null,
    locations: location ? [{ ...location }] : [],
    onOverrideList: overrides.staffIds.includes(staff.id),
    sharedWith: sharing.filter((s) => s.id !== staff.id).map((s): PersonRef => ({ id: s.id, name: s.name })),
    canManage,
    version: staff.accessVersion ?? 1,
  };
}

/** Why the viewer may not make `action` to `staff`'s access (`accessChangeProblem`), or `null`. */
async function guardedRefusal(ctx: RequestContext, viewer: StaffRecord, staff: StaffRecord, action: string) {
  const holds = async (s: StaffRecord) => permissionsOf(await ctx.stateOf(s), s.id, ctx.core.catalogue);
  return accessChangeProblem(
    { role: viewer.role, holds: await holds(viewer) },
    { role: staff.role, holds: await holds(staff) },
    action,
  );
}

const field = (name: string, message: string) => invalid({ [name]: message });

/** A new username's problems: the policy's, then whether it is taken or looks like another's. */
async function checkUsername(tx: Storage, username: string, staff: StaffRecord): Promise<void> {
  const [problem] = usernameProblems(username);
  if (problem) throw field('username', USERNAME_MESSAGES[problem]);
  const alike = await tx.access.lookAlikes(usernameSkeleton(username), staff.id);
  if (alike.some((s) => usernameKey(s.login?.username ?? s.id) === usernameKey(username)))
    throw field('username', 'Someone else signs in with this username');
  if (alike.length)
    throw field('username', 'This username looks like another person’s: choose one nobody could mistake');
}

async function change(ctx: RequestContext): Promise<Response> {
  const viewer = await ctx.viewer();
  const version = ifMatch(ctx.request);
  const staffId = ctx.params['id']!;
  const target = await staffMember(ctx, staffId);
  if (!(await ctx.may(MANAGE))) throw forbidden(NOT_MANAGER);
  const { value } = await ctx.body();
  const errors = checkFields(value, {
    action: 'string',
    'groupId?': 'string-or-null',
    'username?': 'string',
    'password?': 'string',
    'confirmName?': 'string',
  });
  const body = value as {
    action: Action;
    groupId?: string | null;
    username?: string;
    password?: string;
    confirmName?: string;
  };
  if (!errors['action'] && !(body.action in ACTIONS)) errors['action'] = `One of ${Object.keys(ACTIONS).join(', ')}`;
  if (Object.keys(errors).length) throw invalid(errors);
  // Nobody takes over, or weakens, the login of someone stronger than themselves.
  const refusal = await guardedRefusal(ctx, viewer, target, body.action);
  if (refusal) throw forbidden(refusal);
  // A new password is hashed before the transaction: it is slow on purpose.
  const newHash =
    body.action === 'reactivate' && body.password
      ? await hashPassword(body.password, ctx.core.passwordIterations)
      : undefined;
  return ctx.write(async (tx) => {
    const staff = await staffMember(ctx, staffId, tx);
    if ((staff.accessVersion ?? 1) !== version)
      throw conflict(await accessOf(ctx, staff, tx), 'This staff member’s access was changed by someone else');
    const before = await accessOf(ctx, staff, tx);
    const login = loginOf(staff);
    const needsLogin = (): LoginRecord => {
      if (!login) throw field('action', 'This staff member has no login');
      return login;
    };
    const next: StaffRecord = structuredClone(staff);
    const changes: AuditEvent['changes'] = {};
    const now = ctx.iso();
    switch (body.action) {
      case 'unlock':
        next.login = { ...needsLogin(), lockedUntil: null, failures: 0 };
        changes['lockedUntil'] = { old: before.lockedUntil, new: null };
        break;
      case 'sign-out-everywhere':
        next.login = { ...needsLogin(), sessions: 0, sessionsEndedAt: now };
        changes['sessions'] = { old: login!.sessions, new: 0 };
        await tx.access.endSessions(staff.id, now);
        break;
      case 'reset-two-factor':
        next.login = { ...needsLogin(), twoFactor: false };
        changes['twoFactor'] = { old: before.twoFactor, new: false };
        break;
      case 'rename-login': {
        const username = (body.username ?? '').trim();
        needsLogin();
        await checkUsername(tx, username, staff);
        next.login = { ...login!, username };
        changes['username'] = { old: login!.username, new: username };
        break;
      }
      case 'change-group': {
        if (staff.role === 'owner') throw field('groupId', 'The owner’s login is in no group');
        const groupId = body.groupId ?? null;
        // Through the rules of change, as the permission groups editor would make it.
        const groups = await tx.groups.groups();
        await changeGroups(ctx, tx, [{ kind: 'move', staffId: staff.id, groupId }], groups.version);
        next.groupId = groupId;
        changes['group'] = { old: before.group?.id ?? null, new: groupId };
        break;
      }
      case 'deactivate': {
        if (staff.id === viewer.id) throw field('action', 'You cannot deactivate yourself');
        if (staff.role === 'owner') throw field('action', 'The owner cannot be deactivated');
        if (!staff.hasLoginAccess && !staff.login) throw field('action', 'This staff member is already deactivated');
        if (foldForSearch((body.confirmName ?? '').trim()) !== foldForSearch(staff.name.trim()))
          throw field('confirmName', 'Type the staff member’s name as it is shown');
        changes['login'] = { old: before.username, new: null };
        changes['group'] = { old: before.group?.id ?? null, new: null };
        changes['locations'] = { old: before.locations.map((l) => l.id), new: [] };
        changes['onOverrideList'] = { old: before.onOverrideList, new: false };
        next.hasLoginAccess = false;
        delete next.login;
        next.groupId = null;
        next.locationId = '';
        next.deactivatedAt = now;
        await tx.access.endSessions(staff.id, now);
        // Losing access to the business loses the override with it, for good: a reactivated
        // person must be put back on the list by someone who means it.
        const overrides = await tx.masking.overrides();
        if (overrides.staffIds.includes(staff.id)) {
          const saved = await tx.masking.saveOverrides(
            {
              staffIds: overrides.staffIds.filter((id) => id !== staff.id),
              version: overrides.version + 1,
              updatedAt: now,
              updatedBy: { id: viewer.id, name: viewer.name },
            },
            overrides.version,
          );
          if (!saved) throw conflict(before, 'The override list changed meanwhile: try again');
        }
        break;
      }
      case 'reactivate': {
        if (staff.hasLoginAccess) throw field('action', 'This staff member already has a login');
        const username = (body.username ?? '').trim();
        await checkUsername(tx, username, staff);
        const settings = (await tx.loginSecurity.loginSecurity()).settings;
        const problems = checkPassword(body.password ?? '', settings, {
          isCommon: ctx.core.isCommonPassword,
          personal: [staff.name, ...staff.name.split(/\s+/), username],
        });
        if (problems.length) throw field('password', `The password breaks the login rules: ${problems.join(', ')}`);
        // New login details, and nothing else: no group, no location, no place on the override list.
        next.hasLoginAccess = true;
        next.login = {
          username,
          lockedUntil: null,
          lastSignInAt: null,
          twoFactor: false,
          sessions: 0,
          failures: 0,
          passwordHash: newHash!,
          passwordChangedAt: now,
          passwordHistory: [],
          sessionsEndedAt: now,
        };
        next.groupId = null;
        changes['login'] = { old: null, new: username };
        break;
      }
    }
    next.accessVersion = (staff.accessVersion ?? 1) + 1;
    if (!(await tx.access.saveStaff(next, version)))
      throw conflict(await accessOf(ctx, staff, tx), 'This staff member’s access was changed by someone else');
    await ctx.audit(tx, ACTIONS[body.action], { target: staff, changes });
    return { body: await accessOf(ctx, next, tx) };
  });
}

export const routes: Route[] = [
  { method: 'GET', path: '/viewer', handler: (ctx) => ctx.viewerAnswer() },
  {
    method: 'GET',
    path: '/staff/:id/access',
    handler: async (ctx) => accessOf(ctx, await staffMember(ctx, ctx.params['id']!)),
  },
  { method: 'POST', path: '/staff/:id/access', handler: change },
  {
    method: 'POST',
    path: '/sessions',
    handler: async (ctx) => {
      const { value } = await ctx.body();
      const errors = checkFields(value, { username: 'string', password: 'string', 'code?': 'string' });
      if (Object.keys(errors).length) throw invalid(errors);
      const body = value as { username: string; password: string; code?: string };
      const ip = ctx.address() ?? ctx.identity?.ip;
      const userAgent = ctx.request.headers.get('User-Agent');
      const result = await signIn(ctx.core, {
        username: body.username,
        password: body.password,
        ...(body.code && { code: body.code }),
        ...(ip && { ip }),
        ...(userAgent && { userAgent }),
      });
      if (result.outcome === 'refused')
        return json(
          {
            error: {
              code: 'unauthorized',
              message: result.message,
              fields: null,
              current: null,
              currentVersion: null,
              requiredPlan: null,
              reason: result.reason,
              lockedUntil: result.lockedUntil,
            },
          },
          401,
        );
      return json(
        {
          token: result.token,
          sessionId: result.session.id,
          staffId: result.staff.id,
          secondFactorRequired: result.secondFactorRequired,
          passwordExpired: result.passwordExpired,
        },
        201,
      );
    },
  },
  {
    method: 'DELETE',
    path: '/sessions/current',
    handler: async (ctx) => {
      await signOut(ctx);
      return new Response(null, { status: 204 });
    },
  },
];
