/** Lower-cased, without diacritics: "José" is found by "jose". Names compare this way wherever the kit matches one typed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
