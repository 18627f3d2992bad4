/**
 * The kit's one localisation call: every user-visible string goes through `msg()`
 * (runtime mode of @lit/localize), so a host's locale switch re-renders the elements.
 */
export { msg, str, updateWhenLocaleChanges } from '@lit/localize';

/** The locale for `Intl` formatting: the nearest `lang` attribute, else the browser's. */
export function localeOf(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** A number formatter for the locale and options, made once: making one costs far more than using it. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key) as Intl.NumberFormat | undefined;
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** The kit's date-and-time formatter (medium date, short time) for the locale, made once. */
export function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  const key = `d|${locale}`;
  let format = formats.get(key) as Intl.DateTimeFormat | undefined;
  if (!format)
    formats.set(key, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format;
}
