import { html, type TemplateResult } from 'lit';
import { msg } from './localize.js';

/**
 * Paging a list the backend pages. `turnPage`: the offset a key turns to. Page Down and Page Up turn
 * the page, and so do the arrows across the reading direction: → to the next page left
 * to right, ← right to left, as the pager's buttons sit. `undefined` for a key that does
 * not turn pages, `null` for one that does when there is no page that way. Pure, no DOM.
 */
export function turnPage(
  key: string,
  page: { offset: number; total: number },
  size: number,
  rtl: boolean,
): number | null | undefined {
  const step = { PageDown: 1, PageUp: -1, ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[key];
  if (!step) return undefined;
  const offset = page.offset + step * size;
  return offset >= 0 && offset < page.total ? offset : null;
}

/**
 * Previous and next page for a list the backend pages; `go` takes the offset to load.
 * The element puts them in its own `part="pager"`, with what it says about the range.
 */
export function pagerButtons(
  page: { offset: number; total: number; items: readonly unknown[] },
  size: number,
  go: (offset: number) => void,
): TemplateResult {
  return html`<button
      part="button"
      type="button"
      ?disabled=${page.offset === 0}
      @click=${() => go(Math.max(0, page.offset - size))}
    >
      ${msg('Previous page')}
    </button>
    <button
      part="button"
      type="button"
      ?disabled=${page.offset + page.items.length >= page.total}
      @click=${() => go(page.offset + size)}
    >
      ${msg('Next page')}
    </button>`;
}
