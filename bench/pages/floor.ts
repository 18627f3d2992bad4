/**
 * The floor under an element's benchmark: the same shadow DOM the element rendered for
 * the same answer, with the element's own stylesheets, shown from one HTML string after
 * the same adapter calls. No template, no data binding, no event listener: what is left
 * between the element and this page is the element's own script (Lit's and ours); what
 * is left between this page and the plain limit is the browser styling and laying out the
 * element's richer DOM.
 */
import { RestAdapter } from '../../src/adapters/rest.js';

/** An adapter call: the method's name and its arguments. */
type Call = [string, ...unknown[]];

declare global {
  interface Window {
    mountFloor(floor: { calls: Call[]; html: string; css: string[]; modal: boolean }): Promise<void>;
  }
}

window.mountFloor = async ({ calls, html, css, modal }) => {
  const adapter = new RestAdapter({ baseUrl: '/api/deskguard' }) as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  const host = document.createElement('div');
  host.id = 'floor';
  const root = host.attachShadow({ mode: 'open' });
  // As an element's, the stylesheets are made when it is created, before the answer.
  root.adoptedStyleSheets = css.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  document.body.append(host);
  await Promise.all(calls.map(([name, ...args]) => adapter[name]!(...args)));
  root.innerHTML = html;
  if (modal) {
    root.querySelector('dialog')!.showModal();
    root.querySelector('textarea')!.focus();
  }
};
