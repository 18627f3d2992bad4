/** The benchmark page: the production build of <verification-report>, talking REST to the Node mock. */
import '../../src/define/verification-report.js';
import { RestAdapter } from '../../src/adapters/rest.js';

declare global {
  interface Window {
    mountReport(): void;
  }
}

window.mountReport = () => {
  const report = document.createElement('verification-report');
  report.adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  document.body.append(report);
};
