/**
 * The limit of the alert dialog's benchmark: a native <dialog> with the same alerts,
 * reason fields and buttons, from the same adapter call, built with DOM calls.
 */
import { RestAdapter } from '../../src/adapters/rest.js';
import { el } from './dom.js';

declare global {
  interface Window {
    openAlerts(): Promise<void>;
  }
}

window.openAlerts = async () => {
  const { client, alerts } = await new RestAdapter({ baseUrl: '/api/deskguard' }).getClientAlerts(
    'client-6',
    'sign-in',
  );
  const dialog = el('dialog');
  dialog.append(
    el('h2', `Alerts for ${client.name}`),
    el('p', `${client.phone?.value ?? ''} ${client.email?.value ?? ''}`),
  );
  for (const alert of alerts) {
    const block = el('section');
    block.append(el('h3', alert.kind), el('p', 'text' in alert ? alert.text : ''));
    const label = el('label', 'Reason to ignore (required)');
    label.append(el('textarea'), el('span', 'Up to 500 characters.'));
    block.append(label);
    dialog.append(block);
  }
  const actions = el('div');
  actions.append(el('button', 'Cancel'), el('button', 'Reject'), el('button', 'Sign in'));
  dialog.append(actions);
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector('textarea')!.focus();
};
