/**
 * The kit's one localisation call: every user-visible string goes through `msg()`
 * (runtime mode of @lit/localize), so a host's locale switch re-renders the elements.
 * The runtime that loads translations is a separate entry (`deskguard/locale.js`):
 * an element alone ships English and no translation.
 */
// The modules themselves, not the package's index: the index also loads the runtime's
// module-level set-up, which an element that only shows English never needs.
import { LOCALE_STATUS_EVENT, type LocaleStatusEventDetail } from '@lit/localize/internal/locale-status-event.js';

export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
export { updateWhenLocaleChanges } from '@lit/localize/internal/localized-controller.js';

/** The locale of the messages on show, once a host has switched it (by any @lit/localize runtime). */
let active: string | undefined;
globalThis.addEventListener?.(LOCALE_STATUS_EVENT, (event) => {
  const detail = (event as CustomEvent<LocaleStatusEventDetail>).detail;
  if (detail.status === 'ready') active = detail.readyLocale;
});

/** The language of a BCP 47 tag, lower case: `es-MX` gives `es`. */
export const language = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * The locale for `Intl` formatting: the nearest `lang` attribute (else the browser's),
 * unless the messages are in another language, when it is theirs. A page in `es-MX`
 * showing Spanish formats as `es-MX`; the same page showing Arabic formats as `ar`.
 */
export function localeOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
  return active && language(active) !== language(lang) ? active : lang;
}

const made = new Map<string, unknown>();

/**
 * What `make` makes for the key, made once: a formatter (making one costs far more than
 * using it) or a plural message's forms (a list of fifty counts reads one message fifty
 * times).
 */
function cached<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (value === undefined) made.set(key, (value = make()));
  return value;
}

/** A number formatter for the locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

/** The kit's date-and-time formatter (medium date, short time) for the locale. */
export function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
}

/** The kit's date formatter (medium date, no time) for the locale. */
export function dateFormat(locale: string): Intl.DateTimeFormat {
  return cached(`day|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
}

/**
 * An instant as the kit shows it (medium date, short time) that breaks, when it must,
 * only between the date and the time: "Nov 8, 2026," then "5:26 PM", never "5:26" then
 * "PM".
 */
export function formatWhen(locale: string, date: Date): string {
  const parts = dateTimeFormat(locale).formatToParts(date);
  const timeAt = parts.findIndex((p) => p.type === 'hour' || p.type === 'dayPeriod');
  const dateAt = parts.findIndex((p) => p.type === 'year' || p.type === 'month' || p.type === 'day');
  // The literal between the two halves may break; every other space is held.
  const between = timeAt > dateAt ? timeAt - 1 : dateAt - 1;
  return parts.map((p, i) => (i === between ? p.value : p.value.replace(/ /g, '\u00a0'))).join('');
}

/**
 * A message an element keeps in its state: a function that makes it, so it is shown in
 * the locale on show at each render, not the one it was made in. Text from the backend
 * stays a string.
 */
export type Message = string | (() => string);

/** The text of a kept message, made now. */
export const textOf = (message: Message): string => (typeof message === 'function' ? message() : message);

/** A count in the element's locale (its digits and grouping). */
export function count(element: Element, n: number): string {
  return numberFormat(localeOf(element)).format(n);
}

/**
 * The form of a plural message for a count, with `#` replaced by the count in the
 * element's locale. `forms` is one translated message made of `key:text` parts joined
 * by `|`, each key a CLDR plural category (`zero`, `one`, `two`, `few`, `many`,
 * `other`) or `=n` for exactly n; `other` is required. Each language lists the
 * categories its grammar has: English two, Spanish three, Arabic six.
 */
export function plural(element: Element, n: number, forms: string): string {
  const parts = cached(
    `forms|${forms}`,
    () =>
      new Map(forms.split('|').map((part) => [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1)])),
  );
  const locale = localeOf(element);
  const category = cached(`p|${locale}`, () => new Intl.PluralRules(locale)).select(n);
  const form = parts.get(`=${n}`) ?? parts.get(category) ?? parts.get('other') ?? forms;
  return form.split('#').join(numberFormat(locale).format(n));
}
