/**
 * The peer of the verification report's benchmark: vaadin-grid showing the same first page
 * of link requests, fetched through the same adapter, with the same columns, formatted
 * dates and row actions. Only what the report draws differs.
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import { RestAdapter } from '../../src/adapters/rest.js';
import type { VerificationRequest } from '../../src/core/types.js';

declare global {
  interface Window {
    mountGrid(): Promise<void>;
  }
}

type Renderer = (root: HTMLElement, column: unknown, model: { item: VerificationRequest }) => void;
const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function column(header: string, path: string, renderer?: Renderer): HTMLElement {
  const col = document.createElement('vaadin-grid-sort-column') as HTMLElement & {
    header: string;
    path: string;
    renderer?: Renderer;
  };
  col.header = header;
  col.path = path;
  if (renderer) col.renderer = renderer;
  return col;
}

function text(root: HTMLElement, value: string): void {
  root.textContent = value;
}

window.mountGrid = async () => {
  const grid = document.createElement('vaadin-grid') as HTMLElement & {
    items: VerificationRequest[];
    allRowsVisible: boolean;
  };
  grid.allRowsVisible = true;
  grid.append(
    column('Requested', 'requestedAt', (root, _c, { item }) => text(root, dates.format(new Date(item.requestedAt)))),
    column('Name given', 'nameEntered'),
    column('Email given', 'submittedEmail.value'),
    column('Client profile claimed', 'client.name', (root, _c, { item }) =>
      text(root, `${item.client.name} ${item.profileEmail?.value ?? ''}`),
    ),
    column('Emails', 'emailMatch', (root, _c, { item }) =>
      text(root, item.emailMatch === 'match' ? '✓ Emails match' : '✗ Emails differ'),
    ),
    column('Status', 'status'),
    column('Actions', 'id', (root, _c, { item }) => {
      if (root.firstElementChild) return;
      const verify = document.createElement('button');
      verify.textContent = item.emailMatch === 'match' ? 'Verify' : 'Verify anyway';
      const decline = document.createElement('button');
      decline.textContent = 'Decline';
      root.append(verify, decline);
    }),
  );
  document.body.append(grid);
  const adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  const page = await adapter.listVerificationRequests({ status: 'pending', limit: 25 });
  grid.items = page.items;
};
