/**
 * Registers `element` as `tag` unless the tag is taken or the class already has a name.
 * A second copy of a define module (two bundles, hot reload) then does nothing, and so
 * does the default registration of a class the host has already registered under its
 * own tag name.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (customElements.get(tag) || customElements.getName?.(element)) return;
  customElements.define(tag, element);
}
