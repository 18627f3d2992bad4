/**
 * Signing in and out, decided by the policy's `decideSignIn` and recorded as entries:
 * the server's own sessions (`POST /sessions`, bearer tokens kept as hashes), and the same
 * decision for a host whose own sign-in checks the password (`server.signIn`).
 */
import { AdapterError } from '../../core/errors.js';
import { decideSignIn, usernameKey, type SignInRefusal } from '../../policy/sign-in.js';
import { entryFlags } from '../audit/entries.js';
import { groupOf, RequestContext, type Identity, type ServerCore } from '../context.js';
import { randomToken, sha256, verifyPassword } from '../crypto.js';
import type { SessionRecord, StaffRecord } from '../records.js';
import type { Storage } from '../storage.js';

/** One attempt: a username and password the server checks, or a person whose password the host checked. */
export type SignInAttempt = (
  { username: string; password: string; code?: string } | { staffId: string; passwordVerified: boolean }
) & { ip?: string; userAgent?: string };

export type SignInResult =
  | {
      outcome: 'signed-in';
      /** The bearer token: give it to the person, never store it (the server keeps its hash). */
      token: string;
      session: SessionRecord;
      staff: StaffRecord;
      secondFactorRequired: boolean;
      passwordExpired: boolean;
    }
  | { outcome: 'refused'; reason: Refusal; message: string; lockedUntil: string | null };

type Refusal = SignInRefusal | 'shared-login' | 'second-factor';

const MESSAGES: Record<Refusal, string> = {
  'no-login': 'The username or password is not right',
  'wrong-password': 'The username or password is not right',
  locked: 'This login is locked after too many failed sign-ins: try again later, or ask a manager to unlock it',
  address: 'Your permission group signs in only from its allowed addresses',
  'shared-login': 'Several staff members sign in with this login: each person needs a login of their own',
  'second-factor': 'Your permission group signs in with a code from an authenticator app as well: enter it',
};

async function person(core: ServerCore, attempt: SignInAttempt): Promise<StaffRecord[]> {
  if ('staffId' in attempt) {
    // Without login access too: an attempt by a former staff member is recorded as theirs.
    const staff = await core.storage.access.staff(attempt.staffId);
    return staff ? [staff] : [];
  }
  return core.storage.access.staffByUsername(usernameKey(attempt.username));
}

/**
 * Decides and records one attempt to sign in. A wrong password counts towards the
 * lock-out; the attempt that reaches the business's limit locks the login and is recorded
 * as a lock-out as well. An unknown username is answered as a wrong password.
 */
export async function signIn(core: ServerCore, attempt: SignInAttempt): Promise<SignInResult> {
  const found = await person(core, attempt);
  const decoy = `pbkdf2-sha256$${core.passwordIterations}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
  const staff = found.length === 1 ? found[0] : undefined;
  const passwordCorrect =
    'staffId' in attempt
      ? attempt.passwordVerified
      : (await verifyPassword(attempt.password, staff?.login?.passwordHash ?? decoy)) && !!staff?.login?.passwordHash;
  if (found.length > 1)
    return { outcome: 'refused', reason: 'shared-login', message: MESSAGES['shared-login'], lockedUntil: null };
  const settings = (await core.storage.loginSecurity.loginSecurity()).settings;
  const groups = (await core.storage.groups.groups()).groups;
  const groupId = staff ? groupOf(staff) : null;
  // A staff member the host's sign-in names who has no login access: refused, and recorded
  // as their attempt (the Entry Logs report's "former staff still signing in").
  const former = !!staff && !staff.hasLoginAccess;
  const login = former
    ? undefined
    : (staff?.login ??
      (staff
        ? { username: staff.id, lockedUntil: null, lastSignInAt: null, twoFactor: false, sessions: 0 }
        : undefined));
  const now = core.now();
  let decision = decideSignIn({
    login: login
      ? {
          lockedUntil: login.lockedUntil,
          failures: login.failures ?? 0,
          passwordChangedAt: login.passwordChangedAt ?? null,
        }
      : null,
    passwordCorrect,
    address: attempt.ip ?? null,
    allowedAddresses: groups.find((g) => g.id === groupId)?.allowedAddresses ?? null,
    settings,
    groupId,
    owner: staff?.role === 'owner',
    maxPasswordAgeDays: core.maxPasswordAgeDays,
    now,
  });
  if (!staff || (!login && !former))
    return { outcome: 'refused', reason: 'no-login', message: MESSAGES['no-login'], lockedUntil: null };
  // A group that signs in with a second factor: the host's verifier decides the code.
  let secondFactorMissing = false;
  if (decision.outcome === 'signed-in' && decision.secondFactorRequired && !('staffId' in attempt)) {
    const code = attempt.code;
    secondFactorMissing = !(code && core.verifySecondFactor && (await core.verifySecondFactor(staff.id, code)));
    if (secondFactorMissing)
      decision = {
        outcome: 'refused',
        reason: 'wrong-password',
        failures: login?.failures ?? 0,
        lockedUntil: null,
        locksNow: false,
      };
  }

  const at = new Date(now).toISOString();
  const session: SessionRecord | undefined =
    decision.outcome === 'signed-in'
      ? {
          id: `session-${randomToken(12)}`,
          tokenHash: '',
          staffId: staff.id,
          createdAt: at,
          endedAt: null,
          ip: attempt.ip ?? null,
          userAgent: attempt.userAgent ?? null,
        }
      : undefined;
  const token = session ? randomToken(32) : '';
  if (session) session.tokenHash = await sha256(token);
  const identity: Identity = {
    staffId: staff.id,
    ...(attempt.ip && { ip: attempt.ip }),
    ...(attempt.userAgent && { userAgent: attempt.userAgent }),
    ...(session && { sessionId: session.id }),
  };
  const ctx = new RequestContext(
    core,
    new Request('http://deskguard/sessions'),
    new URL('http://deskguard/sessions'),
    {},
    identity,
  );
  const business = await core.storage.masking.business();
  await ctx.inTransaction(async (tx) => {
    const ip = attempt.ip ?? '';
    const knownAddress = !!ip && (await tx.audit.signedInFrom(staff.id, ip));
    const signedInBefore = !!login?.lastSignInAt;
    const flags = entryFlags({ at, hours: business.hours, shift: staff.shift, knownAddress, signedInBefore });
    const record = (action: string, reason: string | null) =>
      ctx.audit(tx, action, {
        actor: staff,
        outcome: action === 'staff.signed_in' ? 'success' : 'failure',
        metadata: { flags, ...(reason && { reason }) },
      });
    if (decision.outcome === 'signed-in' && login) {
      await tx.access.saveLogin(staff.id, {
        ...login,
        failures: 0,
        lockedUntil: null,
        lastSignInAt: at,
        sessions: login.sessions + 1,
      });
      await tx.access.createSession(session!);
      await record('staff.signed_in', null);
    } else if (decision.outcome === 'refused') {
      if (login)
        await tx.access.saveLogin(staff.id, {
          ...login,
          failures: decision.failures,
          lockedUntil: decision.lockedUntil ?? login.lockedUntil,
        });
      await record('staff.sign_in_failed', secondFactorMissing ? 'second-factor' : decision.reason);
      if (decision.locksNow) await record('staff.locked_out', 'too-many-failures');
    }
  });
  await ctx.announce();
  if (decision.outcome === 'refused') {
    const reason = secondFactorMissing ? 'second-factor' : decision.reason;
    return { outcome: 'refused', reason, message: MESSAGES[reason], lockedUntil: decision.lockedUntil };
  }
  return {
    outcome: 'signed-in',
    token,
    session: session!,
    staff,
    secondFactorRequired: decision.secondFactorRequired,
    passwordExpired: decision.passwordExpired,
  };
}

/** The identity a bearer token of the server's own sign-in stands for; `null` for no token, an unknown one or an ended session. */
export async function bearerIdentity(core: ServerCore, request: Request): Promise<Identity | null> {
  const header = request.headers.get('Authorization') ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return token ? identityFromToken(core.storage, token) : null;
}

/** The identity a session token of the server's own sign-in stands for; `null` for an unknown token or an ended session. */
export async function identityFromToken(storage: Storage, token: string): Promise<Identity | null> {
  const session = await storage.access.session(await sha256(token));
  if (!session || session.endedAt) return null;
  return {
    staffId: session.staffId,
    signedInAt: session.createdAt,
    sessionId: session.id,
    ...(session.ip && { ip: session.ip }),
    ...(session.userAgent && { userAgent: session.userAgent }),
  };
}

/** Ends the session a request signed in with, recorded as `staff.signed_out`. */
export async function signOut(ctx: RequestContext): Promise<void> {
  const viewer = await ctx.viewer();
  const sessionId = ctx.identity?.sessionId;
  if (!sessionId)
    throw new AdapterError('validation', { message: 'This request is not signed in with a session of this server' });
  await ctx.inTransaction(async (tx) => {
    await tx.access.endSessions(viewer.id, ctx.iso(), sessionId);
    if (viewer.login)
      await tx.access.saveLogin(viewer.id, { ...viewer.login, sessions: Math.max(0, viewer.login.sessions - 1) });
    await ctx.audit(tx, 'staff.signed_out');
  });
  await ctx.announce();
}
