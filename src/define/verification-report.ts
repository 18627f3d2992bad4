import { VerificationReportElement } from '../elements/verification-report/verification-report.js';

export { VerificationReportElement };
export * from '../elements/verification-report/events.js';

// Registering twice (two bundles, hot reload) does nothing instead of throwing.
if (!customElements.get('verification-report')) customElements.define('verification-report', VerificationReportElement);

declare global {
  interface HTMLElementTagNameMap {
    'verification-report': VerificationReportElement;
  }
}
