/** The tag names the define modules register. */
export const DEFAULT_TAGS = [
  'deskguard-provider',
  'masking-settings',
  'staff-override-list',
  'giftcard-id-generator',
  'client-alert-dialog',
  'verification-report',
  'permission-groups',
  'login-security-settings',
  'contact-log-report',
  'staff-access',
  'entry-log-report',
  'staff-activity-report',
];
