/** The benchmark page: <client-alert-dialog> opened for a client with every alert, over REST. */
import '../../src/define/client-alert-dialog.js';
import { RestAdapter } from '../../src/adapters/rest.js';

declare global {
  interface Window {
    openAlerts(): Promise<void>;
  }
}

window.openAlerts = async () => {
  const dialog = document.createElement('client-alert-dialog');
  dialog.adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  document.body.append(dialog);
  void dialog.open({ clientId: 'client-6', context: 'sign-in' });
};
