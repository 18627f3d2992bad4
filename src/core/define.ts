/** Registers a tag once: registering again (two bundles, hot reload) does nothing instead of throwing. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
