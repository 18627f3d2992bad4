/**
 * deskguard: element classes, adapters, the policy and types. Importing this module
 * registers no tags; import `deskguard/all.js` or one `deskguard/<element>.js` for that.
 */
export type { CallOptions, DeskguardAdapter, WriteOptions } from './core/adapter.js';
export { AdapterError, toAdapterError, type AdapterErrorKind, type AdapterErrorInit } from './core/errors.js';
export * from './core/types.js';
export { adapterContext } from './core/context.js';
export { DeskguardEvent, UpgradeRequestEvent, SignInRequestEvent } from './core/events.js';
export { RestAdapter, type RestAdapterOptions } from './adapters/rest.js';
export { MemoryAdapter, type MemoryAdapterOptions, type InProcessServer } from './adapters/memory.js';
export * from './policy/index.js';
export { LOCALES, directionOf, getLocale, matchLocale, setLocale, type DeskguardLocale } from './locale.js';
export { DeskguardProvider } from './provider/deskguard-provider.js';
export { diffPicks, rebasePicks, type PicksDiff } from './elements/staff-override-list/picks.js';
export { GIFT_CARD_MAX_TRIES } from './elements/giftcard-id-generator/giftcard-id-generator.js';
// The elements and their events: npm run generate writes the lines between these markers.
// generated:elements
export { MaskingSettingsElement } from './elements/masking-settings/masking-settings.js';
export * from './elements/masking-settings/events.js';
export { StaffOverrideListElement } from './elements/staff-override-list/staff-override-list.js';
export * from './elements/staff-override-list/events.js';
export { GiftcardIdGeneratorElement } from './elements/giftcard-id-generator/giftcard-id-generator.js';
export * from './elements/giftcard-id-generator/events.js';
export { ClientAlertDialogElement } from './elements/client-alert-dialog/client-alert-dialog.js';
export * from './elements/client-alert-dialog/events.js';
export { VerificationReportElement } from './elements/verification-report/verification-report.js';
export * from './elements/verification-report/events.js';
export { PermissionGroupsElement } from './elements/permission-groups/permission-groups.js';
export * from './elements/permission-groups/events.js';
export { LoginSecuritySettingsElement } from './elements/login-security-settings/login-security-settings.js';
export * from './elements/login-security-settings/events.js';
export { ContactLogReportElement } from './elements/contact-log-report/contact-log-report.js';
export * from './elements/contact-log-report/events.js';
export { StaffAccessElement } from './elements/staff-access/staff-access.js';
export * from './elements/staff-access/events.js';
export { EntryLogReportElement } from './elements/entry-log-report/entry-log-report.js';
export * from './elements/entry-log-report/events.js';
export { StaffActivityReportElement } from './elements/staff-activity-report/staff-activity-report.js';
export * from './elements/staff-activity-report/events.js';
// /generated:elements
