/** Registers every deskguard element under its default tag name. */
export * from './index.js';
import './define/deskguard-provider.js';
import './define/masking-settings.js';
import './define/staff-override-list.js';
import './define/giftcard-id-generator.js';
import './define/client-alert-dialog.js';
import './define/verification-report.js';
import './define/permission-groups.js';
import './define/login-security-settings.js';
import './define/contact-log-report.js';
import './define/staff-access.js';
import './define/entry-log-report.js';
import './define/staff-activity-report.js';
