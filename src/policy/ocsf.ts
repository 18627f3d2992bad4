/**
 * The kit's audit events (`AuditEvent`) as OCSF events, for a host's security tools:
 * changes to a staff member's login as Account Change (3001), sign-ins and sign-outs as
 * Authentication (3002), and every other change or report access as API Activity
 * (6003). Pure, for a host's backend; the fields are those OCSF 1.4.0 requires of each
 * class (Account Change's Unlock activity came with 1.4.0).
 */
import type { AuditEvent } from '../core/types.js';

export const OCSF_VERSION = '1.4.0';

/** An OCSF event: the base event's required fields, the class's own, and what has no OCSF attribute in `unmapped`. */
export interface OcsfEvent {
  category_uid: 3 | 6;
  class_uid: 3001 | 3002 | 6003;
  activity_id: number;
  activity_name?: string;
  type_uid: number;
  time: number;
  /** 1 Informational; 2 Low for a failed sign-in; 3 Medium for a lock-out. */
  severity_id: 1 | 2 | 3;
  status_id: 1 | 2;
  metadata: { version: string; uid: string; event_code: string; product: { name: string; vendor_name: string } };
  actor: { user: { uid: string; name: string; type?: string } };
  user?: { uid: string; name: string };
  api?: { operation: string };
  src_endpoint: { ip?: string; uid?: string; name?: string };
  unmapped: {
    changes: AuditEvent['changes'];
    reason: string | null;
    targets: AuditEvent['targets'];
    location?: string;
  };
}

/** Account Change activities (OCSF 3001) by the kit's actions; 99 is Other. */
const ACCOUNT: Record<string, number> = {
  'staff.reactivated': 2, // Enable
  'staff.deactivated': 6, // Delete: the login is deleted
  'staff.two_factor_reset': 11, // MFA Factor Disable
  'staff.unlocked': 12, // Unlock
  'staff.locked': 9, // Lock
  'staff.locked_out': 9, // Lock: too many failed sign-ins
  'staff.login_renamed': 99,
  'permission_group.member_changed': 99,
};

/** Authentication activities (OCSF 3002). */
const AUTHENTICATION: Record<string, number> = {
  'staff.signed_in': 1, // Logon
  'staff.sign_in_failed': 1, // Logon, with status Failure
  'client.signed_in': 1,
  'client.sign_in_failed': 1,
  'staff.signed_out': 2, // Logoff
  'staff.signed_out_everywhere': 2,
};

/** How much each kind of event deserves a look: a lock-out more than a failed sign-in, both more than the rest. */
function severity(event: AuditEvent): 1 | 2 | 3 {
  if (event.action === 'staff.locked_out') return 3;
  if (event.action.endsWith('.sign_in_failed')) return 2;
  return 1;
}

/** The outcome OCSF records: a lock-out is a Lock that succeeded (the login was locked), whatever the event says. */
function succeeded(event: AuditEvent): boolean {
  return event.action === 'staff.locked_out' || event.outcome === 'success';
}

export function toOcsf(event: AuditEvent): OcsfEvent {
  const [category_uid, class_uid, activity_id] =
    event.action in ACCOUNT
      ? ([3, 3001, ACCOUNT[event.action]!] as const)
      : event.action in AUTHENTICATION
        ? ([3, 3002, AUTHENTICATION[event.action]!] as const)
        : ([6, 6003, event.action.startsWith('report.') ? 2 : 3] as const); // Read, else Update
  const target = event.targets.find((t) => t.type === 'staff') ?? event.targets[0];
  const { ip, sessionId, locationId } = event.context;
  return {
    category_uid,
    class_uid,
    activity_id,
    ...(activity_id === 99 && { activity_name: event.action }),
    type_uid: class_uid * 100 + activity_id,
    time: Date.parse(event.occurredAt),
    severity_id: severity(event),
    status_id: succeeded(event) ? 1 : 2,
    metadata: {
      version: OCSF_VERSION,
      uid: event.id,
      event_code: event.action,
      product: { name: 'deskguard', vendor_name: 'deskguard' },
    },
    actor: {
      user: { uid: event.actor.id, name: event.actor.name, ...(event.actor.role && { type: event.actor.role }) },
    },
    ...(category_uid === 3 && {
      user: target ? { uid: target.id, name: target.name } : { uid: event.actor.id, name: event.actor.name },
    }),
    ...(class_uid === 6003 && { api: { operation: event.action } }),
    // Where the request came from: its address when the backend knows it, else its session.
    src_endpoint: ip ? { ip } : { uid: sessionId ?? `${event.actor.type}:${event.actor.id}` },
    unmapped: {
      changes: event.changes,
      reason: event.reason,
      targets: event.targets,
      ...(locationId && { location: locationId }),
    },
  };
}
