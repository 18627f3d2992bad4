/**
 * Switching the kit's language at run time. Elements ship English; `setLocale()` loads
 * one locale's translations (its own module, fetched on first use) and re-renders every
 * deskguard element on the page. Dates, times, money and counts follow the same locale.
 *
 * Direction is the host's: set `dir` (see `directionOf()`) on the page or on a container
 * of the elements, as for the rest of the page.
 */
import { configureLocalization } from '@lit/localize';
import { language } from './internal/localize.js';
import { allLocales, sourceLocale, targetLocales } from './locales/codes.js';

/** The locales deskguard ships. */
export const LOCALES: readonly DeskguardLocale[] = allLocales;
export type DeskguardLocale = (typeof allLocales)[number];

const load = {
  ar: () => import('./locales/ar.js'),
  es: () => import('./locales/es.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

let runtime: ReturnType<typeof configureLocalization> | undefined;

/**
 * The shipped locale for a BCP 47 tag: `es-MX` gives `es`, and a language deskguard
 * does not ship gives `en`.
 */
export function matchLocale(tag: string): DeskguardLocale {
  const wanted = language(tag);
  return allLocales.find((locale) => locale === wanted) ?? sourceLocale;
}

/**
 * Shows every deskguard element in the locale nearest to `tag`; resolves once they do.
 * Rejects, leaving the current locale on show, when the translations fail to load.
 * A host that runs @lit/localize for its own elements merges deskguard's translations
 * (`deskguard/locales/<locale>.js`) into its own `loadLocale` instead.
 */
export async function setLocale(tag: string): Promise<void> {
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => load[locale as keyof typeof load](),
  });
  const before = runtime.getLocale();
  try {
    await runtime.setLocale(matchLocale(tag));
  } catch (error) {
    // @lit/localize goes on treating a locale that failed to load as loading, and would
    // hand a retry the same failure: settling back on the locale on show clears that.
    await runtime.setLocale(before);
    throw error;
  }
}

/** The locale on show (`en` until a host sets another). */
export function getLocale(): DeskguardLocale {
  return (runtime?.getLocale() ?? sourceLocale) as DeskguardLocale;
}

/** The writing direction of a language tag: `rtl` for Arabic, Hebrew, Persian and Urdu. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return /^(ar|he|iw|fa|ur)(-|$)/i.test(tag) ? 'rtl' : 'ltr';
}
