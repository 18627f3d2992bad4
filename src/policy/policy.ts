/**
 * The masking policy: the single source of truth for who may see a client's phone
 * number and email address, and how a value is masked when they may not. Pure
 * functions with no DOM: the mock backend, the reference backend and a host's Node
 * backend import this module; the elements only ever receive its output.
 */
import type { ContactValue, Plan, Role } from '../core/types.js';

/** Masking exists on the premium plan only (MioSalon). */
export function planSupportsMasking(plan: Plan): boolean {
  return plan === 'premium';
}

/** Owners and admins always see contacts and alone may change security settings. */
export function isAdminRole(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** Who may change the masking setting and the override list. */
export function canChangeSecuritySettings(role: Role): boolean {
  return isAdminRole(role);
}

/**
 * Whether a viewer may change masking and the override list: whether their permission
 * group grants "Change security settings" (the default groups give it to owners and
 * admins, as `canChangeSecuritySettings` says by role).
 */
export function maySetSecurity(viewer: { permissions: readonly string[] }): boolean {
  return viewer.permissions.includes('manager-tools.security-settings');
}

/**
 * The masking choice a business starts with: enabled for a business that is new on
 * premium, disabled for an existing business (it may enable it) and off the plan.
 */
export function defaultMaskingEnabled(plan: Plan, isNewBusiness: boolean): boolean {
  return planSupportsMasking(plan) && isNewBusiness;
}

/** Whether masking applies now. After a downgrade the stored choice is kept but does not apply. */
export function maskingInEffect(settings: { enabled: boolean; plan: Plan }): boolean {
  return settings.enabled && planSupportsMasking(settings.plan);
}

export interface ContactVisibilityInput {
  viewer: { id: string; role: Role; hasLoginAccess: boolean };
  masking: { enabled: boolean; plan: Plan };
  /** Staff ids on the "Data Visibility Override Control for Staff" list. */
  overrides: ReadonlySet<string> | readonly string[];
}

/**
 * Whether a viewer may see client phone numbers and email addresses.
 * Admins always may; everyone may while masking is not in effect; otherwise only
 * staff with login access who are on the override list.
 */
export function canSeeContacts({ viewer, masking, overrides }: ContactVisibilityInput): boolean {
  if (isAdminRole(viewer.role)) return true;
  if (!maskingInEffect(masking)) return true;
  if (!viewer.hasLoginAccess) return false;
  const list = overrides instanceof Set ? overrides : new Set(overrides as readonly string[]);
  return list.has(viewer.id);
}

/** The character that stands for hidden characters. */
export const MASK = '•';
const HIDDEN = MASK.repeat(4);

/** ITU-T E.164 country codes of one and two digits; every other code has three. */
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

function countryCode(raw: string, digits: string): string {
  const written = /^\s*\+\s*(\d{1,3})(?=\D)/.exec(raw);
  if (written?.[1]) return written[1];
  if (ONE_DIGIT_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/**
 * Masks a phone number, keeping the country code (when the number is international)
 * and the last two digits, e.g. `+44 7700 900123` → `+44 •••• ••23`. The number of
 * mask characters is fixed, so the mask does not tell how long the number is. A
 * number with fewer than six digits after the country code shows no digits at all.
 */
export function maskPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  const international = /^\s*(\+|00)/.test(raw);
  const normalised = international && raw.trim().startsWith('00') ? digits.slice(2) : digits;
  const code = international ? countryCode(raw.replace(/^\s*00/, '+'), normalised) : '';
  const national = normalised.slice(code.length);
  const tail = national.length >= 6 ? national.slice(-2) : MASK.repeat(2);
  return `${code ? `+${code} ` : ''}${HIDDEN} ${MASK.repeat(2)}${tail}`;
}

/**
 * Masks an email address, keeping the first character of the local part and the
 * domain, e.g. `jane.doe@example.com` → `j••••@example.com`. The domain stays because
 * staff use it to tell a work address from a personal one; the mask length is fixed.
 */
export function maskEmail(raw: string): string {
  const value = raw.trim();
  const at = value.lastIndexOf('@');
  if (at < 1 || at === value.length - 1) return HIDDEN;
  return `${value.slice(0, 1)}${HIDDEN}@${value.slice(at + 1).toLowerCase()}`;
}

/** A contact value as a viewer may receive it: raw when visible, masked and marked otherwise. */
export function contactForViewer(
  raw: string | null | undefined,
  kind: 'phone' | 'email',
  visible: boolean,
): ContactValue | null {
  if (raw == null || raw === '') return null;
  if (visible) return { value: raw, masked: false };
  return { value: kind === 'phone' ? maskPhone(raw) : maskEmail(raw), masked: true };
}

/**
 * The one rule for everything a backend computes over a contact field that a viewer can
 * observe (ordering, filtering, searching, grouping, counting, deduplicating): it works
 * on the value that viewer receives, never on the raw one. For a viewer who may not see
 * contacts that is the masked form, so records whose masks are equal are equal, and the
 * backend must break such ties by something that reveals nothing (the record's id).
 * Ordering by the raw value would let anyone who can add a record with a value of their
 * choosing (a consumer's link request, say) bracket a hidden value by binary search.
 */
export function contactKeyForViewer(raw: string | null | undefined, kind: 'phone' | 'email', visible: boolean): string {
  return contactForViewer(raw, kind, visible)?.value ?? '';
}

/**
 * Whether a value someone typed (a report's filter, a search) is a contact: an email
 * address, or a phone number (six digits or more, with the signs numbers are written
 * with). Such a value is masked for a viewer who may not see contacts, wherever it is
 * shown again: the Staff Activity report shows the filters each report was run with.
 */
export function contactKind(value: string): 'email' | 'phone' | null {
  const text = value.trim();
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return 'email';
  const digits = text.replace(/[\s().\-/]/g, '');
  if (/^(\+|00)?\d{6,}$/.test(digits)) return 'phone';
  return null;
}

/** A typed value as a viewer may see it again: masked when it is a contact they may not see (`contactKind`). */
export function typedValueForViewer(value: string, visible: boolean): string {
  const kind = visible ? null : contactKind(value);
  return kind ? contactForViewer(value, kind, false)!.value : value;
}

/**
 * Normalises an email for comparison: trimmed, Unicode NFC, lower-cased. Nothing
 * else: dots and `+tags` are meaningful to many mail providers, so two addresses
 * that differ in them are different addresses.
 */
export function normaliseEmail(raw: string): string {
  return raw.trim().normalize('NFC').toLowerCase();
}

/** Whether two email addresses are the same address (see `normaliseEmail`). */
export function emailsMatch(first: string, second: string): boolean {
  return normaliseEmail(first) === normaliseEmail(second);
}
