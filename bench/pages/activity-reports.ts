/** The benchmark page: the production builds of <entry-log-report> and <staff-activity-report>, talking REST to the Node mock. */
import '../../src/define/entry-log-report.js';
import '../../src/define/staff-activity-report.js';
import { RestAdapter } from '../../src/adapters/rest.js';

declare global {
  interface Window {
    mountActivity(tag: 'entry-log-report' | 'staff-activity-report'): void;
    filterActivity(query: string): void;
  }
}

window.mountActivity = (tag) => {
  const report = document.createElement(tag);
  report.adapter = new RestAdapter({ baseUrl: '/api/deskguard', timeoutMs: 60_000 });
  document.body.append(report);
};

/** A filter change as the host makes one (from its URL); staff typing it end the same way. */
window.filterActivity = (query) => {
  document.querySelector<HTMLElement & { query: string }>('entry-log-report, staff-activity-report')!.query = query;
};
