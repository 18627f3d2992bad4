import { DeskguardEvent } from '../../core/events.js';
import type { ContactLogSortField } from '../../core/types.js';

export interface ContactLogQueryChangeDetail {
  /** The filter in the query syntax, e.g. `type:client-alert staff:"Tom Okafor"`. */
  query: string;
  sort: ContactLogSortField;
  direction: 'asc' | 'desc';
}

/** Fired when staff change <contact-log-report>'s filter or order: the state a host keeps in its URL. */
export class ContactLogQueryChangeEvent extends DeskguardEvent<ContactLogQueryChangeDetail> {
  static readonly eventName = 'contact-log-query-change';
  constructor(detail: ContactLogQueryChangeDetail) {
    super(ContactLogQueryChangeEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'contact-log-query-change': ContactLogQueryChangeEvent;
  }
}
