import type { AlertKind, EntryFlag, SensitiveReport } from '../core/types.js';
import type { QueryTerm } from '../policy/report-query.js';
import { alertKindLabel } from './alert-words.js';
import { dateFormat, localeOf, msg, str } from './localize.js';

/**
 * The reports' values as staff read them, wherever a report shows one: a filter's chip,
 * the filters an access recorded, a replayed row. The query syntax and the REST contract
 * spell them for machines (`flag:outside-hours`, `status=pending`); an owner reads
 * "Outside opening hours" and "Waiting".
 */

/** A report's name. */
export const reportNames = (): Record<SensitiveReport, string> => ({
  'security-verification': msg('Security verification'),
  'contact-logs': msg('Contact logs'),
  'entry-logs': msg('Entry logs'),
  'staff-activity': msg('Staff activity'),
});

/** An entry's flag. */
export const flagNames = (): Record<EntryFlag, string> => ({
  'outside-hours': msg('Outside opening hours'),
  'outside-shift': msg('Outside their shift'),
  'no-login': msg('Has no login now'),
  'new-ip': msg('New address'),
});

/** A sign-in's outcome. */
export const outcomeNames = (): Record<string, string> => ({
  success: msg('Signed in'),
  failure: msg('Failed'),
  'locked-out': msg('Locked out'),
});

/** A verification request's status. */
export const statusNames = (): Record<string, string> => ({
  pending: msg('Waiting'),
  verified: msg('Verified'),
  declined: msg('Declined'),
});

/** How staff answered an alert: the REST contract's values and the filter box's words alike. */
export const actionNames = (): Record<string, string> => {
  const [ignored, signedIn, rejected] = [msg('Ignored'), msg('Signed in'), msg('Rejected')];
  return { ignore: ignored, ignored, 'sign-in': signedIn, 'signed-in': signedIn, reject: rejected, rejected };
};

/** Where an alert was shown. */
export const contextNames = (): Record<string, string> => ({
  profile: msg('Client profile'),
  booking: msg('Booking'),
  'sign-in': msg('Sign-in'),
});

/** Every kind of client alert, as the contract spells it. */
export const ALERT_KINDS: readonly AlertKind[] = ['red', 'yellow', 'account-balance', 'arrivals'];

const yes = (value: string) => value === 'yes' || value === 'true';

/** A day (`2026-11-01`, or the day of an instant) in the element's locale. */
function day(element: Element, value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat(localeOf(element)).format(date);
}

/** One value of a closed set in words; text from elsewhere as it came. */
const named = (names: Record<string, string>, value: string) => (Object.hasOwn(names, value) ? names[value]! : value);

/**
 * One filter in words: `flag:outside-hours` is "Outside opening hours",
 * `created:>=2026-11-01` is "From Nov 1, 2026", `staff:Tom` is "Staff: Tom". Reads the
 * filter box's terms and the REST contract's parameters (`from`, `to`, `context`).
 */
export function filterWords(element: Element, { key, op, value }: QueryTerm): string {
  switch (key) {
    case 'status':
      return named(statusNames(), value);
    case 'type':
      return value === 'client-alert' ? msg('Client alerts') : value;
    case 'subtype':
      return ALERT_KINDS.includes(value as AlertKind) ? alertKindLabel(value as AlertKind) : value;
    case 'action':
      return named(actionNames(), value);
    case 'where':
    case 'context':
      return msg(str`Shown at: ${named(contextNames(), value)}`);
    case 'kind':
      return value === 'staff' ? msg('Staff only') : value === 'client' ? msg('Clients only') : value;
    case 'outcome':
      return named(outcomeNames(), value);
    case 'flag':
      return named(flagNames(), value);
    case 'report':
      return named(reportNames(), value);
    case 'exported':
      return yes(value) ? msg('Exports only') : msg('Views only');
    case 'former':
      return yes(value) ? msg('Former staff only') : msg('Current staff only');
    case 'from':
      return msg(str`From ${day(element, value)}`);
    case 'to':
      return msg(str`Before ${day(element, value)}`);
    case 'created': {
      const when = day(element, value);
      if (op === '>=') return msg(str`From ${when}`);
      if (op === '>') return msg(str`After ${when}`);
      if (op === '<=') return msg(str`Until ${when}`);
      if (op === '<') return msg(str`Before ${when}`);
      return msg(str`On ${when}`);
    }
    case 'staff':
      return msg(str`Staff: ${value}`);
    case 'client':
      return msg(str`Client: ${value}`);
    case 'person':
      return msg(str`Who: ${value}`);
    case 'location':
      return msg(str`Location: ${value}`);
    case 'ip':
      return msg(str`IP address: ${value}`);
    default:
      return `${key}: ${op}${value}`;
  }
}

/** A report's order in words: "newest first", or by a column. */
export function orderWords(sort: string, direction: string): string {
  const byTime = sort === 'at' || sort === 'requestedAt';
  if (byTime) return direction === 'asc' ? msg('Oldest first') : msg('Newest first');
  const column =
    { staff: msg('staff'), person: msg('who'), client: msg('client'), status: msg('status') }[sort] ?? sort;
  return direction === 'asc' ? msg(str`By ${column}, A to Z`) : msg(str`By ${column}, Z to A`);
}

/** The filters an access recorded (REST parameters), in words; its order last. */
export function recordedFilterWords(element: Element, filters: Record<string, string | number>): string[] {
  const { sort, direction, ...rest } = filters;
  const words = Object.entries(rest)
    .filter(([key]) => !['limit', 'offset', 'cursor'].includes(key))
    .map(([key, value]) => filterWords(element, { key, op: '', value: String(value) }));
  if (sort !== undefined) words.push(orderWords(String(sort), String(direction ?? 'desc')));
  return words;
}
