import type { AlertKind, ClientAlert } from '../core/types.js';
import { count, localeOf, msg, numberFormat, str } from './localize.js';

/** What kind of alert it is, as staff read it: the dialog's heading of an alert, the report's too. */
export function alertKindLabel(kind: AlertKind): string {
  return {
    red: msg('Red alert: urgent'),
    yellow: msg('Yellow alert: take care'),
    'account-balance': msg('Account balance over the threshold'),
    arrivals: msg('Too many arrivals'),
  }[kind];
}

/** An alert in words, as the dialog puts it in front of staff: its text, or its figures against its limit. */
export function alertWords(element: Element, alert: ClientAlert): string {
  if (alert.kind === 'account-balance') {
    const format = numberFormat(localeOf(element), { style: 'currency', currency: alert.currency });
    const unit = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
    return msg(
      str`Owes ${format.format(alert.balanceMinor / unit)}. The alert starts at ${format.format(alert.thresholdMinor / unit)}.`,
    );
  }
  if (alert.kind !== 'arrivals') return alert.text;
  return msg(
    str`Arriving ${count(element, alert.arrivals)} times within ${count(element, alert.windowHours)} hours, counting this one. More than ${count(element, alert.maxArrivals)} raises this alert.`,
  );
}
