/** DOM helpers that look through shadow roots, as a user (or a screen reader) would. */

/** Every element under `root`, including those inside open shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

/** The element's whole markup (light and shadow, with attributes) plus the live values of its form fields. */
export function deepMarkup(element: Element): string {
  const parts = [element.outerHTML];
  for (const el of deepElements(element)) {
    if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
  }
  if (element.shadowRoot) parts.push(element.shadowRoot.innerHTML);
  return parts.join('\n');
}

/** The visible text of the element, shadow roots included. */
export function deepText(element: Element): string {
  const texts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
    const children =
      node instanceof Element && node.shadowRoot
        ? [...node.shadowRoot.childNodes, ...node.childNodes]
        : [...node.childNodes];
    children.forEach(walk);
  };
  walk(element);
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

export function $<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot?.querySelector<T>(selector) ?? element.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${element.localName}>`);
  return found;
}

export function $$<T extends Element = HTMLElement>(element: Element, selector: string): T[] {
  return deepElements(element).filter((el): el is T => el.matches(selector));
}

/** The button whose visible text contains `text`. */
export function button(element: Element, text: string | RegExp): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(element, 'button').find((b) =>
    typeof text === 'string' ? (b.textContent ?? '').includes(text) : text.test(b.textContent ?? ''),
  );
  if (!found)
    throw new Error(
      `No button "${String(text)}" in <${element.localName}>; buttons: ${$$(element, 'button')
        .map((b) => b.textContent?.trim())
        .join(' | ')}`,
    );
  return found;
}

/** Waits until `check` returns a truthy value, polling each animation frame. */
export async function until<T>(
  check: () => T | undefined | null | false,
  message: string,
  timeoutMs = 4000,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    let value: T | undefined | null | false;
    try {
      value = check();
    } catch {
      value = undefined;
    }
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
