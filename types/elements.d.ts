/**
 * What a host framework needs to know of each deskguard element: the class, the
 * properties a host sets, and the events it fires. `react.d.ts` and `vue.d.ts` build
 * their template typings from this one map.
 */
import type {
  ClientAlertDialogElement,
  ClientAlertOutcomeEvent,
  DeskguardProvider,
  GiftCardReservedEvent,
  GiftCardUseEvent,
  GiftcardIdGeneratorElement,
  MaskingChangeEvent,
  MaskingSettingsElement,
  OpenClientProfileEvent,
  OverridePicksChangeEvent,
  OverridesSavedEvent,
  SignInRequestEvent,
  StaffOverrideListElement,
  UpgradeRequestEvent,
  VerificationChangeEvent,
  VerificationReportElement,
  PermissionGroupsElement,
  PermissionGroupsChangeEvent,
  LoginSecuritySettingsElement,
  LoginSecurityChangeEvent,
  ContactLogReportElement,
  ContactLogQueryChangeEvent,
  StaffAccessElement,
  StaffAccessChangeEvent,
  EntryLogReportElement,
  EntryLogQueryChangeEvent,
  OpenStaffAccessEvent,
  StaffActivityReportElement,
  StaffActivityQueryChangeEvent,
} from 'deskguard';

/** Events every data-backed element may fire. */
export interface DeskguardCommonEvents {
  'deskguard-upgrade-request': UpgradeRequestEvent;
  'deskguard-sign-in-request': SignInRequestEvent;
}

export interface DeskguardElements {
  'deskguard-provider': {
    element: DeskguardProvider;
    props: Pick<DeskguardProvider, 'adapter'>;
    /** The elements' shared events bubble to the provider: one listener serves them all. */
    events: DeskguardCommonEvents;
  };
  'masking-settings': {
    element: MaskingSettingsElement;
    props: Pick<MaskingSettingsElement, 'adapter' | 'headingLevel'>;
    events: DeskguardCommonEvents & { 'masking-change': MaskingChangeEvent };
  };
  'staff-override-list': {
    element: StaffOverrideListElement;
    props: Pick<StaffOverrideListElement, 'adapter' | 'headingLevel' | 'warnOnUnload'>;
    events: DeskguardCommonEvents & {
      'override-picks-change': OverridePicksChangeEvent;
      'overrides-saved': OverridesSavedEvent;
    };
  };
  'giftcard-id-generator': {
    element: GiftcardIdGeneratorElement;
    props: Pick<
      GiftcardIdGeneratorElement,
      'adapter' | 'headingLevel' | 'preset' | 'length' | 'checkDigit' | 'name' | 'required' | 'disabled'
    >;
    events: DeskguardCommonEvents & {
      'giftcard-id-reserved': GiftCardReservedEvent;
      'giftcard-id-use': GiftCardUseEvent;
      change: Event;
    };
  };
  'client-alert-dialog': {
    element: ClientAlertDialogElement;
    props: Pick<ClientAlertDialogElement, 'adapter' | 'clientId' | 'context'>;
    events: DeskguardCommonEvents & { 'client-alert-outcome': ClientAlertOutcomeEvent };
  };
  'verification-report': {
    element: VerificationReportElement;
    props: Pick<VerificationReportElement, 'adapter' | 'headingLevel' | 'pageSize'>;
    events: DeskguardCommonEvents & {
      'open-client-profile': OpenClientProfileEvent;
      'verification-change': VerificationChangeEvent;
    };
  };
  'permission-groups': {
    element: PermissionGroupsElement;
    props: Pick<PermissionGroupsElement, 'adapter' | 'headingLevel'>;
    events: DeskguardCommonEvents & { 'permission-groups-change': PermissionGroupsChangeEvent };
  };
  'login-security-settings': {
    element: LoginSecuritySettingsElement;
    props: Pick<LoginSecuritySettingsElement, 'adapter' | 'headingLevel'>;
    events: DeskguardCommonEvents & { 'login-security-change': LoginSecurityChangeEvent };
  };
  'contact-log-report': {
    element: ContactLogReportElement;
    props: Pick<ContactLogReportElement, 'adapter' | 'headingLevel' | 'query' | 'sort' | 'direction' | 'pageSize'>;
    events: DeskguardCommonEvents & { 'contact-log-query-change': ContactLogQueryChangeEvent };
  };
  'staff-access': {
    element: StaffAccessElement;
    props: Pick<StaffAccessElement, 'adapter' | 'headingLevel' | 'staffId'>;
    events: DeskguardCommonEvents & { 'staff-access-change': StaffAccessChangeEvent };
  };
  'entry-log-report': {
    element: EntryLogReportElement;
    props: Pick<EntryLogReportElement, 'adapter' | 'headingLevel' | 'query' | 'sort' | 'direction' | 'pageSize'>;
    events: DeskguardCommonEvents & {
      'entry-log-query-change': EntryLogQueryChangeEvent;
      'open-staff-access': OpenStaffAccessEvent;
    };
  };
  'staff-activity-report': {
    element: StaffActivityReportElement;
    props: Pick<StaffActivityReportElement, 'adapter' | 'headingLevel' | 'query' | 'sort' | 'direction' | 'pageSize'>;
    events: DeskguardCommonEvents & { 'staff-activity-query-change': StaffActivityQueryChangeEvent };
  };
}

export type DeskguardTag = keyof DeskguardElements;
