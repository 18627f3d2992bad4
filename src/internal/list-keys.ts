/**
 * Arrow-key movement in a vertical list with one tab stop: the index a key moves the
 * active item to, or `undefined` when the key does not move it. Up and Down stay put at
 * the ends rather than wrapping, so holding a key never jumps across the list.
 */
export function moveIndex(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
