import { html, type TemplateResult } from 'lit';

/**
 * A phone number or an email as one piece, left to right on a right-to-left page: a phone
 * number never breaks ("+44 7700 910000" stays on one line), an email breaks only before
 * its `@`, never inside a name or a domain. Text that fits nowhere still breaks rather
 * than widen the page (the base styles' `overflow-wrap: break-word`).
 */
export function contactText(value: string): TemplateResult {
  const at = value.lastIndexOf('@');
  return at > 0
    ? html`<span class="contact" dir="ltr">${value.slice(0, at)}<wbr />${value.slice(at)}</span>`
    : html`<span class="contact" dir="ltr">${value.replaceAll(' ', '\u00a0')}</span>`;
}
