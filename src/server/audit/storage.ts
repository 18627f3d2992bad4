import type { AuditEvent } from '../../core/types.js';

/** The audit log: only ever appended to. No path updates or deletes an event. */
export interface AuditStorage {
  /** Appends an event (given without an id; answered with one). */
  append(event: Omit<AuditEvent, 'id'>): Promise<AuditEvent>;
  event(id: string): Promise<AuditEvent | undefined>;
  /**
   * The latest `report.viewed` of `report` by `actorId` since `since` whose filters have
   * this fingerprint (`metadata.fingerprint`): what a later page of the same report is tied to.
   */
  latestAccess(actorId: string, report: string, fingerprint: string, since: string): Promise<AuditEvent | undefined>;
  /** Whether a person has signed in successfully from an address before. */
  signedInFrom(personId: string, ip: string): Promise<boolean>;
  /** When the oldest event kept happened; `null` when none is. */
  oldest(): Promise<string | null>;
}
