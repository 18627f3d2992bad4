/**
 * A small client list for the "masking in effect" page: it shows what the backend
 * sends the signed-in viewer. It masks nothing itself: masked values arrive masked.
 */
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdapterController, LatestRequest } from '../../src/core/adapter-controller.js';
import type { DeskguardAdapter } from '../../src/core/adapter.js';
import { toAdapterError, type AdapterError } from '../../src/core/errors.js';
import { tokens } from '../../src/core/styles.js';
import type { Client, ContactValue, Viewer } from '../../src/core/types.js';

export class DemoClientList extends LitElement {
  static override styles = [
    tokens,
    css`
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      th,
      td {
        text-align: start;
        padding: var(--_space-2);
        border-block-end: 1px solid var(--_border);
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-block-end: var(--_space-2);
      }
      .masked {
        color: var(--_muted);
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  @property({ attribute: false }) adapter: DeskguardAdapter | undefined;
  @state() private viewer: Viewer | undefined;
  @state() private clients: Client[] = [];
  @state() private error: AdapterError | undefined;
  private readonly reads = new LatestRequest();
  private readonly adapters = new AdapterController(this, (adapter) => void (adapter && this.load()));
  private readonly onMaskingChange = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('masking-change', this.onMaskingChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('masking-change', this.onMaskingChange);
  }

  async load(): Promise<void> {
    const adapter = this.adapters.adapter;
    if (!adapter) return;
    const signal = this.reads.next();
    try {
      const [viewer, page] = await Promise.all([
        adapter.getViewer({ signal }),
        adapter.listClients({ limit: 8 }, { signal }),
      ]);
      this.viewer = viewer;
      this.clients = page.items;
      this.error = undefined;
    } catch (error) {
      if (!signal.aborted) this.error = toAdapterError(error);
    }
  }

  private contact(value: ContactValue | null) {
    if (!value) return html`<span class="muted">none</span>`;
    return value.masked
      ? html`<span class="masked">${value.value}</span><span class="visually-hidden"> (hidden)</span>`
      : value.value;
  }

  protected override render() {
    if (this.error) return html`<p role="alert">The client list could not be loaded: ${this.error.message}</p>`;
    if (!this.viewer) return html`<p role="status">Loading clients…</p>`;
    return html`<div class="card">
      <table>
        <caption>
          Clients as ${this.viewer.name} (${this.viewer.role}) sees them:
          ${this.viewer.canSeeContacts ? 'contacts visible' : 'contacts masked'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Phone</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          ${this.clients.map(
            (c) =>
              html`<tr>
                <td>${c.name}</td>
                <td>${this.contact(c.phone)}</td>
                <td>${this.contact(c.email)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

if (!customElements.get('demo-client-list')) customElements.define('demo-client-list', DemoClientList);

declare global {
  interface HTMLElementTagNameMap {
    'demo-client-list': DemoClientList;
  }
}
