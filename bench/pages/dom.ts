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

/** A kit button (`part="button"`, `type="button"`) with its text or content. */
export const button = (
  content: string | Node | (string | Node)[],
  attributes: Record<string, string> = {},
): HTMLButtonElement => h('button', { part: 'button', type: 'button', ...attributes }, ...[content].flat());

/** A report's column header that sorts, as the report frame draws it; the sorted one says so, newest first. */
export const sortHeader = (label: string, sorted: boolean): HTMLTableCellElement =>
  h(
    'th',
    sorted ? { scope: 'col', 'aria-sort': 'descending' } : { scope: 'col' },
    button([label, h('span', { 'aria-hidden': 'true' }, sorted ? ' ▼' : '')], { class: 'sort' }),
  );

/** A 16 px stroked mark with one path, as the elements draw theirs: decorative, hidden from screen readers. */
export function mark(path: string, attributes: Record<string, string> = {}): SVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [name, value] of Object.entries({ ...attributes, viewBox: '0 0 16 16', 'aria-hidden': 'true' }))
    svg.setAttribute(name, value);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  line.setAttribute('d', path);
  svg.append(line);
  return svg;
}

/**
 * A phone number or an email as one piece, as the kit's `contactText()` draws it: a phone
 * number held by no-break spaces, an email that breaks only before its `@`.
 */
export function contact(value: string): HTMLSpanElement {
  const at = value.lastIndexOf('@');
  return at > 0
    ? h('span', { class: 'contact', dir: 'ltr' }, value.slice(0, at), el('wbr'), value.slice(at))
    : h('span', { class: 'contact', dir: 'ltr' }, value.replaceAll(' ', '\u00a0'));
}

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
