import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { DeskguardAdapter } from '../core/adapter.js';
import { adapterContext } from '../core/context.js';

/**
 * Gives every deskguard element inside it the same adapter. An element's own
 * `adapter` property wins over the provider's.
 *
 * @summary Provides a data adapter to the deskguard elements inside it.
 * @tag deskguard-provider
 * @slot - The page content holding deskguard elements.
 */
export class DeskguardProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties = { adapter: { attribute: false } };

  /** The adapter to provide, e.g. `new RestAdapter({ baseUrl })` from `deskguard/adapter.js`. */
  adapter: DeskguardAdapter | undefined;

  readonly #provider = new ContextProvider(this, { context: adapterContext, initialValue: undefined });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) this.#provider.setValue(this.adapter);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
