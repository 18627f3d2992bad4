import { DeskguardEvent } from '../../core/events.js';

export interface EntryLogQueryChangeDetail {
  /** The filter in the query syntax, e.g. `kind:staff flag:outside-hours`. */
  query: string;
  sort: 'at' | 'person';
  direction: 'asc' | 'desc';
}

/** Fired when staff change <entry-log-report>'s filter or order: the state a host keeps in its URL. */
export class EntryLogQueryChangeEvent extends DeskguardEvent<EntryLogQueryChangeDetail> {
  static readonly eventName = 'entry-log-query-change';
  constructor(detail: EntryLogQueryChangeDetail) {
    super(EntryLogQueryChangeEvent.eventName, detail);
  }
}

export interface OpenStaffAccessDetail {
  staffId: string;
}

/** Fired when staff ask to open a staff member's access: the host shows `<staff-access staff-id>` for them. */
export class OpenStaffAccessEvent extends DeskguardEvent<OpenStaffAccessDetail> {
  static readonly eventName = 'open-staff-access';
  constructor(detail: OpenStaffAccessDetail) {
    super(OpenStaffAccessEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'entry-log-query-change': EntryLogQueryChangeEvent;
    'open-staff-access': OpenStaffAccessEvent;
  }
}
