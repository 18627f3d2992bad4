/**
 * A small client list for the "masking in effect" page: it shows what the backend
 * sends the signed-in viewer. It masks nothing itself: masked values arrive masked.
 */
import { css, html } from 'lit';
import { AdapterCall } from '../../src/internal/adapter-call.js';
import type { DeskguardAdapter } from '../../src/core/adapter.js';
import { DeskguardElement, states } from '../../src/internal/deskguard-element.js';
import type { Client, ContactValue, Viewer } from '../../src/core/types.js';

export class DemoClientList extends DeskguardElement {
  static override properties = states('viewer', 'clients');
  static override styles = [
    ...DeskguardElement.styles,
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

  private viewer: Viewer | undefined;
  private clients: Client[] = [];
  private readonly loading = new AdapterCall(this);
  private readonly onMaskingChange = () => void this.load();

  protected override adapterChanged(adapter: DeskguardAdapter | undefined): void {
    if (adapter) void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('masking-change', this.onMaskingChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('masking-change', this.onMaskingChange);
  }

  async load(): Promise<void> {
    const result = await this.loading.run((adapter, signal) =>
      Promise.all([adapter.getViewer({ signal }), adapter.listClients({ limit: 8 }, { signal })]),
    );
    if (result?.ok) [this.viewer, { items: this.clients }] = result.value;
  }

  private contact(value: ContactValue | null) {
    if (!value) return html`<span class="muted">none</span>`;
    return value.masked
      ? html`<span class="masked">${value.value}</span><span class="visually-hidden"> (hidden)</span>`
      : value.value;
  }

  protected override render() {
    const error = this.loading.error;
    if (error) return html`<p role="alert">The client list could not be loaded: ${error.message}</p>`;
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
