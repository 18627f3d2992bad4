import { ContactLogReportElement } from '../elements/contact-log-report/contact-log-report.js';
import { defineElement } from '../internal/define.js';

export { ContactLogReportElement };
export * from '../elements/contact-log-report/events.js';

defineElement('contact-log-report', ContactLogReportElement);

declare global {
  interface HTMLElementTagNameMap {
    'contact-log-report': ContactLogReportElement;
  }
}
