/**
 * Paging a list the backend pages: the offset a key turns to. Page Down and Page Up turn
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
