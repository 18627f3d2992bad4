/** Lower-cased, without diacritics: "José" is found by "jose". Names compare this way wherever the kit matches one typed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** How group names compare: Unicode NFKC, case, accents and runs of spaces aside ("Front  Desk" is "front desk"). */
export function groupNameKey(name: string): string {
  return foldForSearch(name.normalize('NFKC')).trim().replace(/\s+/g, ' ');
}
