import { StaffActivityReportElement } from '../elements/staff-activity-report/staff-activity-report.js';
import { defineElement } from '../internal/define.js';

export { StaffActivityReportElement };
export * from '../elements/staff-activity-report/events.js';

defineElement('staff-activity-report', StaffActivityReportElement);

declare global {
  interface HTMLElementTagNameMap {
    'staff-activity-report': StaffActivityReportElement;
  }
}
