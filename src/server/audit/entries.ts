/**
 * Entries (sign-ins, failed ones, lock-outs) as the Entry Logs report flags them, decided
 * when they happen: outside the business's opening hours, outside the person's own shift,
 * from an address they had not signed in from before. Those facts are kept with the
 * event, so a later change of hours or shifts does not rewrite history. Whether the
 * person signed in while they had no login (`no-login`: no login now, and the entry comes
 * after their last deactivation) is added when the report is read: deactivating someone
 * flags what they do from then on, not the sign-ins of their working days.
 */
import type { AuditEvent, EntryFlag } from '../../core/types.js';
import type { BackendData, BusinessRecord, EntryMetadata, StaffRecord } from '../records.js';
import { ENTRY_ACTIONS } from '../reports/storage.js';

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The time of day of an instant in a time zone, `HH:MM`. */
export function localTime(iso: string, timeZone: string): string {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** What an entry is flagged with when it happens (everything but `no-login`). */
export function entryFlags(facts: {
  at: string;
  hours: BusinessRecord['hours'];
  shift: StaffRecord['shift'] | undefined;
  /** Whether the person had signed in successfully from this address before. */
  knownAddress: boolean;
  /** Whether the person has signed in successfully before at all (a first address is not new). */
  signedInBefore: boolean;
}): Exclude<EntryFlag, 'no-login'>[] {
  const hours = facts.hours ?? { opens: '00:00', closes: '24:00', timeZone: 'UTC' };
  const time = localTime(facts.at, hours.timeZone);
  const flags: Exclude<EntryFlag, 'no-login'>[] = [];
  if (time < hours.opens || time >= hours.closes) flags.push('outside-hours');
  if (facts.shift && (time < facts.shift.opens || time >= facts.shift.closes)) flags.push('outside-shift');
  if (facts.signedInBefore && !facts.knownAddress) flags.push('new-ip');
  return flags;
}

/**
 * Flags every entry of a history that has none yet, oldest first, as they would have been
 * flagged when each happened (a seed's or an import's events): each person's known
 * addresses grow with their successful sign-ins.
 */
export function flagHistory(
  events: AuditEvent[],
  business: BusinessRecord,
  staff: ReadonlyMap<string, StaffRecord>,
  isEntry: (event: AuditEvent) => boolean,
): void {
  const known = new Map<string, Set<string>>();
  const ordered = events
    .filter(isEntry)
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1));
  for (const event of ordered) {
    const ip = event.context.ip ?? '';
    const seen = known.get(event.actor.id) ?? new Set<string>();
    if (!(event.metadata as EntryMetadata | undefined)?.flags)
      event.metadata = {
        ...event.metadata,
        flags: entryFlags({
          at: event.occurredAt,
          hours: business.hours,
          shift: event.actor.type === 'staff' ? staff.get(event.actor.id)?.shift : undefined,
          knownAddress: seen.has(ip),
          signedInBefore: seen.size > 0,
        }),
      };
    if (event.action.endsWith('.signed_in')) known.set(event.actor.id, seen.add(ip));
  }
}

/**
 * Settles a history given as records (a seed, an import) before a storage keeps it: its
 * entries flagged as of when each happened, and each former staff member's last
 * deactivation noted on their record.
 */
export function settleHistory(data: BackendData): void {
  const staff = new Map(data.staff.map((s) => [s.id, s]));
  flagHistory(data.auditEvents, data.business, staff, (e) => e.action in ENTRY_ACTIONS);
  for (const e of data.auditEvents) {
    const target = e.action === 'staff.deactivated' ? staff.get(e.targets[0]?.id ?? '') : undefined;
    if (target && !target.hasLoginAccess && (target.deactivatedAt ?? '') < e.occurredAt)
      target.deactivatedAt = e.occurredAt;
  }
}
