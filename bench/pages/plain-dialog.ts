/**
 * The limit of the alert dialog's benchmark: a native <dialog> with the same alerts from
 * the same adapter call, built with DOM calls, in the element's markup with its
 * stylesheets: the title and contacts, each alert with its mark, kind and words (the
 * kit's own word lists), a reason field with its help where the alert asks for one, and
 * the same buttons; opened modal with the first reason field focused.
 */
import { css } from 'lit';
import { RestAdapter } from '../../src/adapters/rest.js';
import { alertKindLabel, alertWords } from '../../src/internal/alert-words.js';
import { tokens } from '../../src/internal/styles.js';
import { dialogStyles } from '../../src/internal/dialog-styles.js';
import { styles } from '../../src/elements/client-alert-dialog/client-alert-dialog.styles.js';
import { button, h, mark, styledRoot } from './dom.js';

declare global {
  interface Window {
    openAlerts(): Promise<void>;
  }
}

const ICONS = {
  red: 'M5.5 1.5h5l4 4v5l-4 4h-5l-4-4v-5zM8 4.5V9m0 2v.5',
  yellow: 'M8 1.5 15 14H1zM8 6v3.5m0 2v.5',
  'account-balance': 'M1.5 3.5h13v9h-13zm0 3h13M10 10h2',
  arrivals: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13M8 4.5V8l2.5 1.5',
};

window.openAlerts = async () => {
  const root = styledRoot([
    tokens,
    dialogStyles,
    styles,
    css`
      :host {
        display: contents;
      }
    `,
  ]);
  const { client, alerts } = await new RestAdapter({ baseUrl: '/api/deskguard' }).getClientAlerts(
    'client-6',
    'sign-in',
  );
  const contacts = h('p', { part: 'contacts', class: 'muted' });
  if (client.phone)
    contacts.append(h('span', { class: 'contact' }, 'Phone: ', h('span', { dir: 'ltr' }, client.phone.value)));
  if (client.email)
    contacts.append(h('span', { class: 'contact' }, 'Email: ', h('span', { dir: 'ltr' }, client.email.value)));
  const list = h('ul', { class: 'alerts' });
  alerts.forEach((alert, i) => {
    const threshold = alert.kind === 'account-balance' || alert.kind === 'arrivals';
    const block = h(
      'li',
      { part: 'alert', class: 'alert', 'data-kind': alert.kind },
      h('p', { class: 'kind' }, mark(ICONS[alert.kind], { part: 'icon' }), h('strong', {}, alertKindLabel(alert.kind))),
      h('p', { class: 'text', dir: 'auto', id: `text-${i}` }, alertWords(root.host, alert)),
    );
    if (alert.reasonRequired) {
      const id = `reason-${i}`;
      block.append(
        h('label', { for: id }, threshold ? 'Reason to sign in (required)' : 'Reason to ignore (required)'),
        h('textarea', {
          part: 'reason',
          rows: '2',
          'aria-required': 'true',
          id,
          'data-alert': `${client.id}:${alert.kind}`,
          'aria-invalid': 'false',
          'aria-describedby': `${id}-error ${id}-count`,
        }),
        h('p', { class: 'field-error', id: `${id}-error` }),
        h(
          'p',
          { id: `${id}-count`, class: 'muted' },
          `Up to 500 characters.${threshold ? ' Not needed to reject.' : ''}`,
        ),
        h('p', { class: 'muted' }, 'Your answer goes into the client’s contact log.'),
      );
    }
    list.append(block);
  });
  const action = (id: string, text: string, primary = false) =>
    button(text, { id, class: primary ? 'primary' : '', 'aria-disabled': 'false' });
  const dialog = h(
    'dialog',
    {
      part: 'dialog',
      role: 'alertdialog',
      'aria-labelledby': 'title',
      'aria-busy': 'false',
      'aria-describedby': alerts.map((_, i) => `text-${i}`).join(' '),
    },
    h('h2', { id: 'title', part: 'title', 'aria-level': '2' }, `Alerts for ${client.name}`),
    contacts,
    list,
    h(
      'div',
      { part: 'actions', class: 'actions' },
      action('cancel', 'Cancel'),
      action('reject', 'Reject'),
      action('proceed', 'Sign in', true),
    ),
  );
  root.append(dialog);
  dialog.showModal();
  dialog.querySelector('textarea')!.focus();
};
