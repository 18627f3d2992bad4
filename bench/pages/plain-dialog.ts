/**
 * The limit of the alert dialog's benchmark: a native <dialog> with the same alerts, the
 * same words, a reason field where the alert asks for one (as the element draws them)
 * and the same buttons, from the same adapter call, built with DOM calls.
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
  const money = (currency: string, minor: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
  const kinds = {
    red: 'Red alert: urgent',
    yellow: 'Yellow alert: take care',
    'account-balance': 'Account balance over the threshold',
    arrivals: 'Too many arrivals',
  };
  const list = el('ul');
  alerts.forEach((alert, i) => {
    // The same words as the element's: the alert's text, or its figures against its limit.
    const text =
      alert.kind === 'account-balance'
        ? `Owes ${money(alert.currency, alert.balanceMinor)}. The alert starts at ${money(alert.currency, alert.thresholdMinor)}.`
        : alert.kind === 'arrivals'
          ? `Arriving ${alert.arrivals} times within ${alert.windowHours} hours, counting this one. More than ${alert.maxArrivals} raises this alert.`
          : alert.text;
    const threshold = alert.kind === 'account-balance' || alert.kind === 'arrivals';
    const block = el('li');
    block.append(el('p', kinds[alert.kind]), el('p', text));
    // A reason field only where the alert asks for one, as the element draws it.
    if (alert.reasonRequired) {
      const label = el('label', threshold ? 'Reason to sign in (required)' : 'Reason to ignore (required)');
      label.htmlFor = `reason-${i}`;
      const field = el('textarea');
      field.id = `reason-${i}`;
      field.rows = 2;
      block.append(label, field, el('p'), el('p', `Up to 500 characters.${threshold ? ' Not needed to reject.' : ''}`));
    }
    list.append(block);
  });
  dialog.append(list);
  const actions = el('div');
  actions.append(el('button', 'Cancel'), el('button', 'Reject'), el('button', 'Sign in'));
  dialog.append(actions);
  document.body.append(dialog);
  dialog.showModal();
  dialog.querySelector('textarea')!.focus();
};
