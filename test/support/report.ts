/** What the tests of every report on the report frame look at and do the same way. */
import { $, $$, button, until } from './dom.js';

/** A report element: its URL-able order, and Lit's update promise. */
export type ReportElement = HTMLElement & { sort: string; direction: string; updateComplete: Promise<boolean> };

/** Resolves once the report shows its rows or says why there are none. */
export async function reportReady(element: ReportElement): Promise<unknown> {
  // A change renders, then starts a load that renders again: wait for both before looking.
  await element.updateComplete;
  await element.updateComplete;
  return until(
    () =>
      !element.shadowRoot?.querySelector('[part~="error"]') &&
      !$(element, '[part~="count"]').textContent!.includes('Loading') &&
      (element.shadowRoot!.querySelector('tbody tr') ??
        element.shadowRoot!.querySelector('[part~="notice"]:is(.notice, .empty)')),
    'the report to load',
  );
}

/** Each row's text, spaces collapsed. */
export const rows = (element: Element) =>
  $$(element, 'tbody tr').map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());

export const caption = (element: Element) => $(element, 'caption').textContent!.replace(/\s+/g, ' ').trim();

/** The header button that sorts by `label` (its text with or without the arrow). */
export const sortButton = (element: Element, label: string) =>
  button(element, new RegExp(`^\\s*${label}\\s*[▲▼]?\\s*$`));

/** Types a query into the filter box and applies it, as staff do. */
export async function filterBy(element: ReportElement, query: string): Promise<void> {
  const input = $<HTMLInputElement>(element, '#query');
  input.value = query;
  input.dispatchEvent(new Event('input'));
  button(element, 'Apply').click();
  await element.updateComplete;
}

/** The conformance suite's orderings: each sortable header pressed once, then again to reverse it. */
export function sortOrderings<E extends ReportElement>(labels: string[]) {
  return labels.flatMap((label) =>
    (['first', 'reversed'] as const).map((turn) => ({
      name: `${label}, ${turn}`,
      act: async (el: E) => {
        await reportReady(el);
        const before = `${el.sort} ${el.direction}`;
        sortButton(el, label).click();
        await until(() => `${el.sort} ${el.direction}` !== before, `sorted by ${label}, ${turn}`);
        await reportReady(el);
      },
    })),
  );
}
