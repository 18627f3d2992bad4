/**
 * Login security, as MINDBODY's article describes it and NIST SP 800-63B bounds it:
 * every person has a login of their own; passwords are at least eight characters and
 * mix letters and numbers; at least 64 characters are allowed; common and breached
 * passwords are refused; a login locks after repeated failures. The business chooses
 * stricter settings, never weaker ones.
 *
 * Pure TypeScript, without the list of common passwords: the browser runs
 * `checkPassword` for live feedback, a host's Node backend runs it on every password
 * set with `isCommonPassword` from `deskguard/passwords.js` (the final word).
 */

import type { LoginSecuritySettings } from '../core/types.js';

export type { LoginSecuritySettings };

/** The seed's rules and MINDBODY's lockout, for a business that has changed nothing. */
export const DEFAULT_LOGIN_SECURITY: LoginSecuritySettings = {
  minLength: 8,
  maxLength: 64,
  lettersAndNumbers: true,
  blockCommon: true,
  rememberLast: 5,
  lockoutAttempts: 6,
  lockoutMinutes: 30,
  idleSignOutMinutes: 30,
  twoFactorGroups: [],
};

/** What is wrong with a choice of settings, by field, in English (the element says it in the viewer's language). */
export type LoginSecurityProblems = Partial<Record<keyof LoginSecuritySettings, string>>;

const whole = (n: unknown, from: number, to: number): n is number =>
  Number.isInteger(n) && (n as number) >= from && (n as number) <= to;

/**
 * The settings' problems: anything weaker than the seed's rules (shorter than 8, a
 * maximum under 64, letters and numbers not required, common passwords allowed), and
 * values out of range. Empty when the settings may be saved.
 */
export function checkLoginSecuritySettings(settings: LoginSecuritySettings): LoginSecurityProblems {
  const problems: LoginSecurityProblems = {};
  const s = settings;
  if (!whole(s.minLength, 8, 128)) problems.minLength = 'Passwords need at least 8 characters (at most 128)';
  if (!whole(s.maxLength, 64, 1024)) problems.maxLength = 'Allow at least 64 characters, so passphrases fit';
  else if (whole(s.minLength, 8, 128) && s.maxLength < s.minLength)
    problems.maxLength = 'The most characters must be at least the fewest';
  if (s.lettersAndNumbers !== true) problems.lettersAndNumbers = 'Passwords must mix letters and numbers';
  if (s.blockCommon !== true) problems.blockCommon = 'Common and breached passwords are always refused';
  if (!whole(s.rememberLast, 0, 24)) problems.rememberLast = 'Remember from 0 to 24 earlier passwords';
  if (!whole(s.lockoutAttempts, 3, 10)) problems.lockoutAttempts = 'Lock a login after 3 to 10 failed sign-ins';
  if (!whole(s.lockoutMinutes, 5, 1440)) problems.lockoutMinutes = 'Lock for 5 minutes to a day';
  if (s.idleSignOutMinutes !== null && !whole(s.idleSignOutMinutes, 5, 720))
    problems.idleSignOutMinutes = 'Sign out after 5 minutes to 12 hours without activity, or never';
  if (!Array.isArray(s.twoFactorGroups) || s.twoFactorGroups.some((g) => typeof g !== 'string'))
    problems.twoFactorGroups = 'List permission groups by id';
  return problems;
}

export type PasswordProblem = 'too-short' | 'too-long' | 'letters-and-numbers' | 'common' | 'personal' | 'reused';

export interface PasswordContext {
  /** The login's username and the person's name: a password may not contain them. */
  personal?: string[];
  /** Whether a password is common or breached: `isCommonPassword` from `deskguard/passwords.js` on a backend. */
  isCommon?: (password: string) => boolean;
  /** Whether it is one of the person's last `rememberLast` passwords (the backend compares hashes). */
  isReused?: (password: string) => boolean;
}

/** Unicode letters and digits, so a password in Arabic or Greek letters counts its letters. */
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * What is wrong with `password` under `settings`, in the order a person fixes them.
 * Length counts characters (code points), not bytes, and nothing is trimmed.
 */
export function checkPassword(
  password: string,
  settings: LoginSecuritySettings,
  context: PasswordContext = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < settings.minLength) problems.push('too-short');
  if (length > settings.maxLength) problems.push('too-long');
  if (settings.lettersAndNumbers && !(LETTER.test(password) && DIGIT.test(password)))
    problems.push('letters-and-numbers');
  const folded = password.toLowerCase();
  if (context.personal?.some((p) => p.trim().length >= 3 && folded.includes(p.trim().toLowerCase())))
    problems.push('personal');
  if (settings.blockCommon && context.isCommon?.(password)) problems.push('common');
  if (settings.rememberLast > 0 && context.isReused?.(password)) problems.push('reused');
  return problems;
}
