/**
 * Who may sign in, decided in one place: a pure function over the facts of one attempt,
 * for `deskguard/server` and for a host's own authentication alike. MINDBODY's article
 * asks for a login of one's own for each person, locked after repeated failures; NIST
 * SP 800-63B asks for a limit on failed attempts. The business's login rules say how
 * many failures lock a login and for how long; a permission group may restrict where its
 * members sign in from.
 */
import type { LoginSecuritySettings } from '../core/types.js';
import { addressAllowed } from './addresses.js';

/** What the backend knows about one attempt to sign in. */
export interface SignInFacts {
  /** The login the username names; `null` when there is none (unknown, deactivated, or no login access). */
  login: {
    lockedUntil: string | null;
    /** Failed attempts in a row since the last success or unlock. */
    failures: number;
    /** When the password was last set; `null` when unknown. */
    passwordChangedAt?: string | null;
  } | null;
  /** Whether the password given is the login's (the backend compares hashes; `false` without a login). */
  passwordCorrect: boolean;
  /** Where the attempt comes from; `null` when unknown. */
  address: string | null;
  /** The addresses the person's permission group allows (`null`: anywhere). */
  allowedAddresses: readonly string[] | null;
  settings: Pick<LoginSecuritySettings, 'lockoutAttempts' | 'lockoutMinutes' | 'twoFactorGroups'>;
  /** The person's permission group, for two-factor sign-in; `null` for the owner or no group. */
  groupId: string | null;
  /** Whether the person is the owner, who must use two-factor sign-in whenever any group must. */
  owner?: boolean;
  /** Days after which a password must be changed at sign-in; `null` or absent: never. */
  maxPasswordAgeDays?: number | null;
  /** The moment of the attempt, epoch milliseconds. */
  now: number;
}

export type SignInRefusal = 'no-login' | 'locked' | 'address' | 'wrong-password';

export type SignInDecision =
  | {
      outcome: 'signed-in';
      /** The login's failures after the attempt: none. */
      failures: 0;
      /** Whether the person must also give a second factor (their group is in `twoFactorGroups`). */
      secondFactorRequired: boolean;
      /** Whether the password is older than the business allows and must be changed now. */
      passwordExpired: boolean;
    }
  | {
      outcome: 'refused';
      reason: SignInRefusal;
      /** The login's failures after the attempt (unchanged unless the password was wrong). */
      failures: number;
      /** Until when the login is locked after the attempt; `null` when it is not. */
      lockedUntil: string | null;
      /** Whether this attempt locked the login: record it as a lock-out. */
      locksNow: boolean;
    };

/**
 * Decides one attempt. In order: a login must exist; a locked login stays locked until
 * its time, whatever password is given; the address must be one the person's group
 * allows; then the password. A wrong password counts a failure, and the failure that
 * reaches `lockoutAttempts` locks the login for `lockoutMinutes`. A success clears the
 * failures.
 */
export function decideSignIn(facts: SignInFacts): SignInDecision {
  const { login, now, settings } = facts;
  const refuse = (reason: SignInRefusal, failures = login?.failures ?? 0, lockedUntil: string | null = null) => ({
    outcome: 'refused' as const,
    reason,
    failures,
    lockedUntil,
    locksNow: false,
  });
  if (!login) return refuse('no-login', 0);
  if (login.lockedUntil && Date.parse(login.lockedUntil) > now)
    return refuse('locked', login.failures, login.lockedUntil);
  if (!addressAllowed(facts.address, facts.allowedAddresses)) return refuse('address');
  if (!facts.passwordCorrect) {
    const failures = login.failures + 1;
    if (failures < settings.lockoutAttempts) return refuse('wrong-password', failures);
    return {
      outcome: 'refused',
      reason: 'wrong-password',
      failures: 0,
      lockedUntil: new Date(now + settings.lockoutMinutes * 60_000).toISOString(),
      locksNow: true,
    };
  }
  const maxAge = facts.maxPasswordAgeDays;
  const changed = login.passwordChangedAt ? Date.parse(login.passwordChangedAt) : NaN;
  return {
    outcome: 'signed-in',
    failures: 0,
    secondFactorRequired:
      (facts.groupId !== null && settings.twoFactorGroups.includes(facts.groupId)) ||
      (!!facts.owner && settings.twoFactorGroups.length > 0),
    passwordExpired: !!maxAge && Number.isFinite(changed) && now - changed > maxAge * 86_400_000,
  };
}

/**
 * A username as logins compare: Unicode NFKC (a fullwidth `ｔｏｍ` is `tom`), case folded,
 * trimmed. Two usernames with the same key are the same login.
 */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase().normalize('NFKC').trim();
}

/**
 * Letters of other scripts that look like Latin ones, and digits that look like letters:
 * what someone choosing a look-alike of another's username would use (a subset of
 * Unicode's confusables, UTS #39, for the scripts staff names are written in).
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  // Digits and letters that pass for each other
  '0': 'o',
  '1': 'l',
  i: 'l',
  '5': 's',
  '|': 'l',
};

/**
 * What a username looks like: its key with look-alike characters made one (`0` and `o`,
 * Cyrillic `е` and Latin `e`, `rn` and `m`) and dots, dashes and underscores dropped.
 * Two usernames that look alike are refused, as two people signing in as "tom.okafor"
 * and "tom_okafor" (or "tоm.okafor" with a Cyrillic о) would be told apart by nobody.
 */
export function usernameSkeleton(username: string): string {
  return [...usernameKey(username).replace(/[._\-\s]+/g, '')]
    .map((c) => LOOK_ALIKES[c] ?? c)
    .join('')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

export type UsernameProblem = 'too-short' | 'too-long' | 'generic' | 'invisible' | 'mixed-scripts';

/** The longest username the kit accepts, in characters. */
export const MAX_USERNAME = 64;

/**
 * What is wrong with a username chosen for a login: fewer than 3 or more than 64
 * characters, the generic "owner" or "admin", invisible or control characters, or letters
 * of more than one script (a look-alike in the making). Empty when it may be used;
 * whether it is taken (`usernameSkeleton`) is the backend's to say.
 */
export function usernameProblems(username: string): UsernameProblem[] {
  const key = usernameKey(username);
  const problems: UsernameProblem[] = [];
  const length = [...key].length;
  if (length < 3) problems.push('too-short');
  if (length > MAX_USERNAME) problems.push('too-long');
  if (/^(owner|admin|administrator|root)$/.test(key)) problems.push('generic');
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(username) || /\s/.test(key)) problems.push('invisible');
  const scripts = new Set(
    [...key].flatMap((c) => {
      if (!/\p{L}/u.test(c)) return [];
      if (/\p{Script=Latin}/u.test(c)) return ['Latin'];
      if (/\p{Script=Cyrillic}/u.test(c)) return ['Cyrillic'];
      if (/\p{Script=Greek}/u.test(c)) return ['Greek'];
      if (/\p{Script=Arabic}/u.test(c)) return ['Arabic'];
      if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c)) return ['Japanese'];
      return ['Other'];
    }),
  );
  if (scripts.size > 1) problems.push('mixed-scripts');
  return problems;
}

/** A username's problems in English, for error bodies. */
export const USERNAME_MESSAGES: Record<UsernameProblem, string> = {
  'too-short': 'A username needs at least 3 characters',
  'too-long': `A username has at most ${MAX_USERNAME} characters`,
  generic: 'Choose a name of your own, not the generic “owner” or “admin”',
  invisible: 'A username has no spaces, invisible or control characters',
  'mixed-scripts': 'A username is written in one script: letters of two can pass for another person’s',
};
