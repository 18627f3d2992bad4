/**
 * The kit's one localisation call: every user-visible string goes through `msg()`
 * (runtime mode of @lit/localize), so a host's locale switch re-renders the elements.
 */
export { msg, str, updateWhenLocaleChanges } from '@lit/localize';

/** The locale for `Intl` formatting: the nearest `lang` attribute, else the browser's. */
export function localeOf(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
}
