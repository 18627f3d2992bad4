import type { CSSResult } from 'lit';

/** The limit pages' one DOM helper: an element with its text. */
export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** An element with its attributes and children (text or nodes), the element's markup written as DOM calls. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

/**
 * A host on the page whose shadow root carries the element's own stylesheets: a limit
 * draws the element's look (its markup with its styles), so style, layout and paint are
 * the same work on both sides and the difference is the element's script.
 */
export function styledRoot(styles: CSSResult[]): ShadowRoot {
  const host = el('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = styles.map((s) => s.styleSheet!);
  document.body.append(host);
  return root;
}

/** The frame every element draws (the kit's `card()`): a labelled section with its heading and description. */
export const cardSection = (title: string, description: string, ...children: Node[]): HTMLElement =>
  h(
    'section',
    { part: 'base', class: 'card', 'aria-labelledby': 'heading' },
    h('div', { id: 'heading', part: 'heading', class: 'heading', role: 'heading', 'aria-level': '2' }, title),
    h('p', { id: 'description', part: 'description', class: 'muted' }, description),
    ...children,
  );
