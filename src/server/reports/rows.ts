/**
 * Report rows as a viewer receives them: contacts masked unless they may see them, a
 * contact typed as a filter masked the same way, and each report's CSV columns.
 */
import type {
  Client,
  ClientAlert,
  ContactLogEntry,
  EntryFlag,
  EntryLogEntry,
  SensitiveReport,
  StaffActivityEntry,
} from '../../core/types.js';
import { contactForViewer, typedValueForViewer } from '../../policy/policy.js';
import type { ClientRecord, EntryMetadata } from '../records.js';
import { ENTRY_ACTIONS, type AccessRow, type ContactLogRow, type EntryRow } from './storage.js';

/** A client as a viewer may receive them. */
export function clientView(client: ClientRecord, visible: boolean, currency: string): Client {
  return {
    id: client.id,
    name: client.name,
    phone: contactForViewer(client.phone, 'phone', visible),
    email: contactForViewer(client.email, 'email', visible),
    balanceMinor: client.balanceMinor,
    currency,
  };
}

/** A contact log's alert in words, as staff saw it: its text, or its figures against its limit. */
export function alertInWords(alert: ClientAlert): string {
  switch (alert.kind) {
    case 'account-balance':
      return `Balance ${(alert.balanceMinor / 100).toFixed(2)} ${alert.currency}, threshold ${(alert.thresholdMinor / 100).toFixed(2)}`;
    case 'arrivals':
      return `${alert.arrivals} arrivals in ${alert.windowHours} h, limit ${alert.maxArrivals}`;
    default:
      return alert.text;
  }
}

export function contactLogEntry(row: ContactLogRow, visible: boolean, currency: string): ContactLogEntry {
  // The stored name is for ordering; the entry names the client as they are now.
  const { clientName: _name, ...log } = row.log;
  return {
    ...log,
    client: row.client
      ? clientView(row.client, visible, currency)
      : { id: log.clientId, name: '', phone: null, email: null, balanceMinor: 0, currency },
    locationName: row.locationName,
    // A log written by a client alert is the record of what happened: nobody edits or deletes it.
    editable: false,
  };
}

export const CONTACT_LOG_COLUMNS = [
  'Answered at',
  'Shown at',
  'Client',
  'Phone',
  'Email',
  'Type',
  'Alert',
  'Alert text',
  'Where',
  'Location',
  'Action',
  'Reason',
  'Staff',
];

export function contactLogCells(e: ContactLogEntry): string[] {
  return [
    e.at,
    e.shownAt,
    e.client.name,
    e.client.phone?.value ?? '',
    e.client.email?.value ?? '',
    e.type,
    e.subtype,
    alertInWords(e.alert),
    e.context,
    e.locationName,
    e.action,
    e.reason ?? '',
    e.staff.name,
  ];
}

/** The order an entry's flags are listed in. */
const FLAG_ORDER: readonly EntryFlag[] = ['outside-hours', 'outside-shift', 'no-login', 'new-ip'];

export function entryLogEntry(row: EntryRow): EntryLogEntry {
  const { event } = row;
  const stored: readonly EntryFlag[] = (event.metadata as EntryMetadata | undefined)?.flags ?? [];
  const flags = FLAG_ORDER.filter((flag) => (flag === 'no-login' ? row.noLoginNow : stored.includes(flag)));
  return {
    id: event.id,
    at: event.occurredAt,
    person: { type: event.actor.type === 'client' ? 'client' : 'staff', id: event.actor.id, name: event.actor.name },
    outcome: ENTRY_ACTIONS[event.action] ?? 'failure',
    ip: event.context.ip ?? '',
    userAgent: event.context.userAgent ?? null,
    flags,
  };
}

export const ENTRY_LOG_COLUMNS = ['At', 'Kind', 'Person', 'Outcome', 'IP address', 'User agent', 'Flags'];

export function entryLogCells(e: EntryLogEntry): string[] {
  return [e.at, e.person.type, e.person.name, e.outcome, e.ip, e.userAgent ?? '', e.flags.join(' ')];
}

/** The filters an access was run with, as a viewer may see them: a contact typed as a filter masked unless they see contacts. */
export function filtersForViewer(
  filters: Record<string, string | number>,
  visible: boolean,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => [
      key,
      typeof value === 'string' ? typedValueForViewer(value, visible) : value,
    ]),
  );
}

export function accessEntry(row: AccessRow, visible: boolean): StaffActivityEntry {
  const { event } = row;
  const meta = event.metadata ?? {};
  return {
    id: event.id,
    at: event.occurredAt,
    staff: { id: event.actor.id, name: event.actor.name, former: row.former },
    report: meta['report'] as SensitiveReport,
    ip: event.context.ip ?? '',
    filters: filtersForViewer((meta['filters'] ?? {}) as Record<string, string | number>, visible),
    export:
      event.action === 'report.exported'
        ? { format: meta['format'] === 'json' ? 'json' : 'csv', rows: Number(meta['rows'] ?? 0) }
        : null,
    masked: meta['masked'] === true,
  };
}

export const ACCESS_COLUMNS = ['At', 'Staff', 'Report', 'IP address', 'Filters', 'Exported', 'Rows'];

export function accessCells(a: StaffActivityEntry): string[] {
  return [
    a.at,
    a.staff.name,
    a.report,
    a.ip,
    new URLSearchParams(Object.entries(a.filters).map(([k, v]) => [k, String(v)])).toString(),
    a.export?.format ?? '',
    a.export ? String(a.export.rows) : '',
  ];
}
