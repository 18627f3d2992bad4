/** The benchmark page: the production build of <contact-log-report>, talking REST to the Node mock. */
import '../../src/define/contact-log-report.js';
import { RestAdapter } from '../../src/adapters/rest.js';

declare global {
  interface Window {
    mountLogs(): void;
    filterLogs(query: string): void;
  }
}

window.mountLogs = () => {
  const report = document.createElement('contact-log-report');
  report.adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  document.body.append(report);
};

/** A filter change as the host makes one (from its URL); staff typing it end the same way. */
window.filterLogs = (query) => {
  document.querySelector('contact-log-report')!.query = query;
};
