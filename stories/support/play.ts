/** Small helpers for play functions that drive an element to a state a designer wants to see. */

/** Waits for `find` to return something, polling each frame (5 s at most). */
export async function waitFor<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() - start > 5000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The shadow root of the first `tag` in the story, once it has rendered. */
export function shadowOf(canvas: HTMLElement, tag: string): Promise<ShadowRoot> {
  return waitFor(() => canvas.querySelector(tag)?.shadowRoot, `<${tag}>`);
}

/** Clicks the first button in `root` whose text contains `text`. */
export async function clickButton(root: ShadowRoot, text: string): Promise<void> {
  const button = await waitFor(
    () => [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text) && !b.disabled),
    `the "${text}" button`,
  );
  button.click();
}
