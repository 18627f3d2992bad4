import { VerificationReportElement } from '../elements/verification-report/verification-report.js';
import { defineElement } from '../internal/define.js';

export { VerificationReportElement };
export * from '../elements/verification-report/events.js';

defineElement('verification-report', VerificationReportElement);

declare global {
  interface HTMLElementTagNameMap {
    'verification-report': VerificationReportElement;
  }
}
