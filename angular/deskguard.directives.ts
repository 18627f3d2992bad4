/**
 * Checked bindings for deskguard's elements in Angular templates (Angular 17.3 or later).
 *
 * Copy this file into your app (it is source, for Angular's compiler to read) and add
 * `DESKGUARD_DIRECTIVES` to a standalone component's `imports`:
 *
 *     cp node_modules/deskguard/angular/deskguard.directives.ts src/app/
 *
 * Each directive matches its element, so Angular knows the tag (no
 * `CUSTOM_ELEMENTS_SCHEMA`), checks `[headingLevel]="3"` against the element's property
 * type and types `$event` in `(masking-change)="onChange($event)"`. Inputs are written
 * straight to the element's properties. The outputs are declarations only: the element's
 * own DOM event reaches the listener, once.
 */
import { Directive, ElementRef, EventEmitter, Input, Output, inject } from '@angular/core';
import type {
  ClientAlertDialogElement,
  ClientAlertOutcomeEvent,
  DeskguardProvider,
  GiftCardReservedEvent,
  GiftCardUseEvent,
  GiftcardIdGeneratorElement,
  LoginSecurityChangeEvent,
  LoginSecuritySettingsElement,
  MaskingChangeEvent,
  MaskingSettingsElement,
  OpenClientProfileEvent,
  OverridePicksChangeEvent,
  OverridesSavedEvent,
  PermissionGroupsChangeEvent,
  PermissionGroupsElement,
  SignInRequestEvent,
  StaffOverrideListElement,
  UpgradeRequestEvent,
  VerificationChangeEvent,
  VerificationReportElement,
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

/** The element the directive sits on. */
function host<T extends HTMLElement>(): T {
  return inject<ElementRef<T>>(ElementRef).nativeElement;
}

/** An event's type for the template checker; the element dispatches the event itself. */
function declared<T>(): EventEmitter<T> {
  return new EventEmitter<T>();
}

/** The events every data-backed element fires (and that bubble to the provider). */
@Directive()
abstract class DeskguardElementDirective<T extends HTMLElement & { adapter?: unknown }> {
  protected readonly element = host<T>();
  @Input() set adapter(value: T['adapter']) {
    this.element.adapter = value;
  }
  @Output('deskguard-upgrade-request') readonly upgradeRequest = declared<UpgradeRequestEvent>();
  @Output('deskguard-sign-in-request') readonly signInRequest = declared<SignInRequestEvent>();
}

@Directive({ selector: 'deskguard-provider' })
export class DeskguardProviderDirective extends DeskguardElementDirective<DeskguardProvider> {}

@Directive({ selector: 'masking-settings' })
export class MaskingSettingsDirective extends DeskguardElementDirective<MaskingSettingsElement> {
  @Input() set headingLevel(value: MaskingSettingsElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Output('masking-change') readonly maskingChange = declared<MaskingChangeEvent>();
}

@Directive({ selector: 'staff-override-list' })
export class StaffOverrideListDirective extends DeskguardElementDirective<StaffOverrideListElement> {
  @Input() set headingLevel(value: StaffOverrideListElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Input() set warnOnUnload(value: StaffOverrideListElement['warnOnUnload']) {
    this.element.warnOnUnload = value;
  }
  @Output('override-picks-change') readonly overridePicksChange = declared<OverridePicksChangeEvent>();
  @Output('overrides-saved') readonly overridesSaved = declared<OverridesSavedEvent>();
}

@Directive({ selector: 'giftcard-id-generator' })
export class GiftcardIdGeneratorDirective extends DeskguardElementDirective<GiftcardIdGeneratorElement> {
  @Input() set headingLevel(value: GiftcardIdGeneratorElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Input() set preset(value: GiftcardIdGeneratorElement['preset']) {
    this.element.preset = value;
  }
  @Input() set length(value: GiftcardIdGeneratorElement['length']) {
    this.element.length = value;
  }
  @Input() set checkDigit(value: GiftcardIdGeneratorElement['checkDigit']) {
    this.element.checkDigit = value;
  }
  @Input() set name(value: GiftcardIdGeneratorElement['name']) {
    this.element.name = value;
  }
  @Input() set required(value: GiftcardIdGeneratorElement['required']) {
    this.element.required = value;
  }
  @Input() set disabled(value: GiftcardIdGeneratorElement['disabled']) {
    this.element.disabled = value;
  }
  @Output('giftcard-id-reserved') readonly reserved = declared<GiftCardReservedEvent>();
  @Output('giftcard-id-use') readonly use = declared<GiftCardUseEvent>();
}

@Directive({ selector: 'client-alert-dialog' })
export class ClientAlertDialogDirective extends DeskguardElementDirective<ClientAlertDialogElement> {
  @Input() set clientId(value: ClientAlertDialogElement['clientId']) {
    this.element.clientId = value;
  }
  @Input() set context(value: ClientAlertDialogElement['context']) {
    this.element.context = value;
  }
  @Output('client-alert-outcome') readonly outcome = declared<ClientAlertOutcomeEvent>();
}

@Directive({ selector: 'verification-report' })
export class VerificationReportDirective extends DeskguardElementDirective<VerificationReportElement> {
  @Input() set headingLevel(value: VerificationReportElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Input() set pageSize(value: VerificationReportElement['pageSize']) {
    this.element.pageSize = value;
  }
  @Output('open-client-profile') readonly openClientProfile = declared<OpenClientProfileEvent>();
  @Output('verification-change') readonly verificationChange = declared<VerificationChangeEvent>();
}

@Directive({ selector: 'permission-groups' })
export class PermissionGroupsDirective extends DeskguardElementDirective<PermissionGroupsElement> {
  @Input() set headingLevel(value: PermissionGroupsElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Output('permission-groups-change') readonly change = declared<PermissionGroupsChangeEvent>();
}

@Directive({ selector: 'login-security-settings' })
export class LoginSecuritySettingsDirective extends DeskguardElementDirective<LoginSecuritySettingsElement> {
  @Input() set headingLevel(value: LoginSecuritySettingsElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Output('login-security-change') readonly change = declared<LoginSecurityChangeEvent>();
}

@Directive({ selector: 'contact-log-report' })
export class ContactLogReportDirective extends DeskguardElementDirective<ContactLogReportElement> {
  @Input() set headingLevel(value: ContactLogReportElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Input() set query(value: ContactLogReportElement['query']) {
    this.element.query = value;
  }
  @Input() set sort(value: ContactLogReportElement['sort']) {
    this.element.sort = value;
  }
  @Input() set direction(value: ContactLogReportElement['direction']) {
    this.element.direction = value;
  }
  @Input() set pageSize(value: ContactLogReportElement['pageSize']) {
    this.element.pageSize = value;
  }
  @Output('contact-log-query-change') readonly contactLogQueryChange = declared<ContactLogQueryChangeEvent>();
}

@Directive({ selector: 'staff-access' })
export class StaffAccessDirective extends DeskguardElementDirective<StaffAccessElement> {
  @Input() set headingLevel(value: StaffAccessElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Input() set staffId(value: StaffAccessElement['staffId']) {
    this.element.staffId = value;
  }
  @Output('staff-access-change') readonly staffAccessChange = declared<StaffAccessChangeEvent>();
}

@Directive({ selector: 'entry-log-report' })
export class EntryLogReportDirective extends DeskguardElementDirective<EntryLogReportElement> {
  @Input() set headingLevel(value: EntryLogReportElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Input() set query(value: EntryLogReportElement['query']) {
    this.element.query = value;
  }
  @Input() set sort(value: EntryLogReportElement['sort']) {
    this.element.sort = value;
  }
  @Input() set direction(value: EntryLogReportElement['direction']) {
    this.element.direction = value;
  }
  @Input() set pageSize(value: EntryLogReportElement['pageSize']) {
    this.element.pageSize = value;
  }
  @Output('entry-log-query-change') readonly entryLogQueryChange = declared<EntryLogQueryChangeEvent>();
  @Output('open-staff-access') readonly openStaffAccess = declared<OpenStaffAccessEvent>();
}

@Directive({ selector: 'staff-activity-report' })
export class StaffActivityReportDirective extends DeskguardElementDirective<StaffActivityReportElement> {
  @Input() set headingLevel(value: StaffActivityReportElement['headingLevel']) {
    this.element.headingLevel = value;
  }
  @Input() set query(value: StaffActivityReportElement['query']) {
    this.element.query = value;
  }
  @Input() set sort(value: StaffActivityReportElement['sort']) {
    this.element.sort = value;
  }
  @Input() set direction(value: StaffActivityReportElement['direction']) {
    this.element.direction = value;
  }
  @Input() set pageSize(value: StaffActivityReportElement['pageSize']) {
    this.element.pageSize = value;
  }
  @Output('staff-activity-query-change') readonly staffActivityQueryChange = declared<StaffActivityQueryChangeEvent>();
}

/** Every deskguard directive, for a standalone component's `imports`. */
export const DESKGUARD_DIRECTIVES = [
  DeskguardProviderDirective,
  MaskingSettingsDirective,
  StaffOverrideListDirective,
  GiftcardIdGeneratorDirective,
  ClientAlertDialogDirective,
  VerificationReportDirective,
  PermissionGroupsDirective,
  LoginSecuritySettingsDirective,
  ContactLogReportDirective,
  StaffAccessDirective,
  EntryLogReportDirective,
  StaffActivityReportDirective,
] as const;
