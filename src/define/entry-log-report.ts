import { EntryLogReportElement } from '../elements/entry-log-report/entry-log-report.js';
import { defineElement } from '../internal/define.js';

export { EntryLogReportElement };
export * from '../elements/entry-log-report/events.js';

defineElement('entry-log-report', EntryLogReportElement);

declare global {
  interface HTMLElementTagNameMap {
    'entry-log-report': EntryLogReportElement;
  }
}
