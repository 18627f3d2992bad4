/**
 * The common-password check for a host's backend, kept out of every element: the
 * 49,233 passwords of `@zxcvbn-ts/language-common` (an optional peer dependency, MIT,
 * maintained with zxcvbn-ts; the list is ranked by how often each appeared in public
 * breaches). A password is common when it is on the list, ignoring case, or is a listed
 * one with digits or symbols added at the end ("password1!"), which attackers try first.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

function list(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Whether `password` is common or breached, or one with a few digits or symbols added at the end. */
export function isCommonPassword(password: string): boolean {
  const folded = password.toLowerCase();
  const stem = folded.replace(/[\d\W_]{1,4}$/u, '');
  return list().has(folded) || (stem.length >= 4 && list().has(stem));
}

/** How many passwords the list holds. */
export function commonPasswordCount(): number {
  return list().size;
}
