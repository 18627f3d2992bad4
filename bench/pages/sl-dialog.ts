/**
 * The peer of the alert dialog's benchmark: Shoelace's dialog with the same content (the
 * client's alerts, a reason field for each that needs one, Cancel, Reject and Sign in),
 * fetched through the same adapter, its first reason field focused once shown.
 */
import '@shoelace-style/shoelace/dist/components/dialog/dialog.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { RestAdapter } from '../../src/adapters/rest.js';
import type { ClientAlert } from '../../src/core/types.js';

declare global {
  interface Window {
    openAlerts(): Promise<void>;
  }
}

const money = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency });

function describe(alert: ClientAlert): string {
  if (alert.kind === 'account-balance')
    return `Balance owed: ${money(alert.currency).format(alert.balanceMinor / 100)}`;
  if (alert.kind === 'arrivals')
    return `${alert.arrivals} arrivals in ${alert.windowHours} hours (most ${alert.maxArrivals})`;
  return alert.text;
}

window.openAlerts = async () => {
  const adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  const data = await adapter.getClientAlerts('client-6', 'sign-in');
  const dialog = document.createElement('sl-dialog') as HTMLElement & { label: string; show(): Promise<void> };
  dialog.label = `Alerts for ${data.client.name}`;
  for (const alert of data.alerts) {
    const text = document.createElement('p');
    text.textContent = describe(alert);
    dialog.append(text);
    if (alert.reasonRequired) {
      const reason = document.createElement('sl-textarea');
      reason.setAttribute('label', 'Reason');
      reason.setAttribute('maxlength', '500');
      if (!dialog.querySelector('sl-textarea')) reason.setAttribute('autofocus', '');
      dialog.append(reason);
    }
  }
  for (const [label, variant] of [
    ['Cancel', 'default'],
    ['Reject', 'default'],
    ['Sign in', 'primary'],
  ]) {
    const button = document.createElement('sl-button');
    button.setAttribute('slot', 'footer');
    button.setAttribute('variant', variant!);
    button.textContent = label!;
    dialog.append(button);
  }
  document.body.append(dialog);
  await dialog.show();
};
