import { DeskguardEvent } from '../../core/events.js';

export interface StaffActivityQueryChangeDetail {
  /** The filter in the query syntax, e.g. `report:contact-logs exported:yes`. */
  query: string;
  sort: 'at' | 'staff';
  direction: 'asc' | 'desc';
}

/** Fired when staff change <staff-activity-report>'s filter or order: the state a host keeps in its URL. */
export class StaffActivityQueryChangeEvent extends DeskguardEvent<StaffActivityQueryChangeDetail> {
  static readonly eventName = 'staff-activity-query-change';
  constructor(detail: StaffActivityQueryChangeDetail) {
    super(StaffActivityQueryChangeEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'staff-activity-query-change': StaffActivityQueryChangeEvent;
  }
}
