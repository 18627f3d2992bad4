/**
 * What the conformance suite checks of language, direction and layout: every string a
 * user meets is translated (Spanish and Arabic, switched at run time), the element
 * follows a right-to-left page, and it reflows into 320 CSS px at 200% text size with
 * nothing cut off and every target at least 24 px.
 */
import { setLocale } from '../../src/locale.js';
import { deepElements } from '../support/dom.js';

/** Attributes a screen reader reads out as text. */
const SPOKEN = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
];

/** Every string a user sees or hears in the element: its text and its spoken attributes. */
export function userStrings(element: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
      return;
    }
    // `translate="no"` marks what is the same in every language: a query's syntax, a code.
    if (!(node instanceof Element) || node.matches('style, script, template, [translate="no"]')) return;
    for (const name of SPOKEN) {
      const value = node.getAttribute(name)?.trim();
      if (value) out.push(value);
    }
    // Text broken only by <wbr> (an address that breaks at its dots) is one string.
    if (node.children.length && [...node.children].every((c) => c.localName === 'wbr')) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
      return;
    }
    for (const child of node.shadowRoot ? [...node.shadowRoot.childNodes, ...node.childNodes] : node.childNodes) {
      walk(child);
    }
  };
  walk(element);
  return out;
}

/** Every string value in the backend's answers: names, emails and notes are data, not interface. */
export function dataStrings(bodies: string[]): string[] {
  const out = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      out.add(value);
      // A currency code is shown as its locale's symbol ("UK£" in Arabic): the browser's locale data, not English.
      if (/^[A-Z]{3}$/.test(value))
        for (const locale of ['en', 'es', 'ar'])
          for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
            const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: value, currencyDisplay });
            out.add(parts.formatToParts(1).find((p) => p.type === 'currency')?.value ?? value);
          }
    } else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const body of bodies) {
    try {
      collect(JSON.parse(body));
    } catch {
      /* not JSON: nothing the element shows as data */
    }
  }
  return [...out]
    .map((s) => s.trim())
    .filter((s) => s.length > 1)
    .sort((a, b) => b.length - a.length);
}

/** What is left of a string with the data taken out: the words the interface itself wrote. */
function ownWords(text: string, data: string[]): string {
  let left = text;
  for (const value of data) left = left.split(value).join(' ');
  return left;
}

const LATIN_WORD = /[A-Za-z]{2,}/;

/** Strings shown in another locale exactly as in English, with words of the interface's own. */
export function leftInEnglish(shown: string[], english: string[], data: string[]): string[] {
  const source = new Set(english);
  return [...new Set(shown.filter((s) => source.has(s) && LATIN_WORD.test(ownWords(s, data))))];
}

/** Strings with a Latin word of the interface's own (in Arabic, every such word is English left behind). */
export function latinWords(shown: string[], data: string[]): string[] {
  return [...new Set(shown.filter((s) => LATIN_WORD.test(ownWords(s, data))))];
}

/** Switches the kit's locale and waits for the element to show it. */
export async function showIn(element: HTMLElement, locale: string): Promise<void> {
  await setLocale(locale);
  await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Elements a user can press, type in or pick. */
const TARGETS = 'button, input, select, textarea, a[href], [role="option"], summary';

function visible(el: Element): boolean {
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 1 && rect.height > 1;
}

/** The element's parent, stepping out of a shadow root to its host. */
const parentOf = (el: Element): Element | null =>
  el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;

/** Whether `el` sits in a region that scrolls sideways by design (a wide data table). */
function inSideScroller(el: Element, host: Element): boolean {
  for (let node = parentOf(el); node && node !== host; node = parentOf(node)) {
    const overflow = getComputedStyle(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return true;
  }
  return false;
}

/** Visible pieces that reach past the viewport's sides (outside a region that scrolls sideways). */
export function cutOff(element: Element): string[] {
  const width = document.documentElement.clientWidth;
  return deepElements(element)
    .filter((el) => visible(el) && !inSideScroller(el, element))
    .filter((el) => {
      const rect = el.getBoundingClientRect();
      return rect.left < -1 || rect.right > width + 1;
    })
    .map((el) => describe(el, el.getBoundingClientRect()));
}

/** Targets smaller than 24 by 24 CSS px; a field's label counts as part of its target. */
export function smallTargets(element: Element): string[] {
  return deepElements(element)
    .filter((el) => el.matches(TARGETS) && visible(el))
    .map((el) => ({ el, rect: (el.closest('label') ?? el).getBoundingClientRect() }))
    .filter(({ rect }) => rect.width < 24 - 0.5 || rect.height < 24 - 0.5)
    .map(({ el, rect }) => describe(el, rect));
}

function describe(el: Element, rect: DOMRect): string {
  const name = el.getAttribute('aria-label') ?? el.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? '';
  return `<${el.localName}${el.id ? `#${el.id}` : ''}> "${name}" ${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.height)}`;
}
