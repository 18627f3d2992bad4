/**
 * One request as the rooms see it: who is asking (checked once, against storage), what
 * they may do and see, the clock, the audit trail, and the one way to write: inside a
 * transaction, once per Idempotency-Key.
 */
import { AdapterError } from '../core/errors.js';
import type { AuditEvent, SensitiveReport, Viewer } from '../core/types.js';
import { addressAllowed } from '../policy/addresses.js';
import { can, permissionsOf, ROLE_GROUPS, type GroupsState, type PermissionCatalogue } from '../policy/permissions.js';
import { canSeeContacts } from '../policy/policy.js';
import { sha256, type Signer } from './crypto.js';
import { forbidden, json, readBody } from './http.js';
import type { PermissionGroup } from '../core/types.js';
import type { StaffRecord } from './records.js';
import type { Storage } from './storage.js';

/**
 * Who is asking, as a host's own authentication (or the server's sign-in) tells it. The
 * server then checks the person against storage on every request: unknown, without
 * login access, or signed in before their sessions were ended is `401`.
 */
export interface Identity {
  staffId: string;
  /**
   * When this person signed in: an identity signed in at or before their last "Sign out
   * everywhere" (or deactivation) is refused. Without it, ending sessions is the host's own
   * sign-in's to do (see `onEvent`).
   */
  signedInAt?: string;
  /** The session, recorded with what the person does. */
  sessionId?: string;
  /** Where the request comes from: checked against the person's group's allowed addresses, and recorded. */
  ip?: string;
  userAgent?: string;
}

/** What every room shares: the server's options, resolved. */
export interface ServerCore {
  storage: Storage;
  now: () => number;
  catalogue: PermissionCatalogue;
  signer: Signer;
  isCommonPassword: (password: string) => boolean;
  passwordIterations: number;
  maxPasswordAgeDays: number | null;
  onEvent: ((event: AuditEvent) => void | Promise<void>) | undefined;
  /** Where a request comes from, as the host knows it (a proxy's header, the socket); `undefined` when it does not. */
  address: (request: Request) => string | undefined;
  /** Checks a second factor's code for a staff member whose group signs in with one. */
  verifySecondFactor: ((staffId: string, code: string) => boolean | Promise<boolean>) | undefined;
}

/** A staff member's permission group: their own, else their role's default; the owner is in none. */
export function groupOf(staff: Pick<StaffRecord, 'role' | 'groupId'>): string | null {
  if (staff.role === 'owner') return null;
  return staff.groupId !== undefined ? staff.groupId : ROLE_GROUPS[staff.role];
}

export class RequestContext {
  readonly #identity: Identity | null;
  #viewer: Promise<StaffRecord> | undefined;
  #groups: Promise<PermissionGroup[]> | undefined;
  #sees: Promise<boolean> | undefined;

  constructor(
    readonly core: ServerCore,
    readonly request: Request,
    readonly url: URL,
    readonly params: Record<string, string>,
    identity: Identity | null,
    /** Where the request comes from, when the caller knows it (the socket of a Node server). */
    readonly from?: string,
  ) {
    this.#identity = identity;
  }

  /** Where the request comes from now: as the caller says, else as the host's `address` reads it. */
  address(): string | undefined {
    return this.from ?? this.core.address(this.request);
  }

  /** The storage, or the transaction this request is writing in: its reads see its own writes. */
  get storage(): Storage {
    return this.#tx ?? this.core.storage;
  }

  #tx: Storage | undefined;

  /** Runs `work` in a transaction that `storage` stands for meanwhile. */
  async inTransaction<T>(work: (tx: Storage) => Promise<T>): Promise<T> {
    if (this.#tx) return work(this.#tx);
    return this.core.storage.transaction(async (tx) => {
      this.#tx = tx;
      try {
        return await work(tx);
      } finally {
        this.#tx = undefined;
      }
    });
  }

  now(): number {
    return this.core.now();
  }

  iso(): string {
    return new Date(this.core.now()).toISOString();
  }

  get identity(): Identity | null {
    return this.#identity;
  }

  /** The signed-in staff member; `unauthorized` when nobody is, or their login or session is gone. */
  viewer(): Promise<StaffRecord> {
    this.#viewer ??= this.#resolveViewer();
    return this.#viewer;
  }

  async #resolveViewer(): Promise<StaffRecord> {
    const identity = this.#identity;
    const refuse = (message = 'Sign in to continue') => new AdapterError('unauthorized', { message });
    if (!identity) throw refuse();
    const staff = await this.storage.access.staff(identity.staffId);
    if (!staff?.hasLoginAccess) throw refuse();
    const ended = staff.login?.sessionsEndedAt;
    if (ended && identity.signedInAt && identity.signedInAt <= ended)
      throw refuse('This session was ended: sign in again');
    // Where the request comes from now, as the host knows it; else where the session signed in.
    const ip = this.address() ?? identity.ip;
    if (ip) {
      const group = (await this.groups()).find((g) => g.id === groupOf(staff));
      if (!addressAllowed(ip, group?.allowedAddresses ?? null))
        throw refuse('Your permission group signs in only from its allowed addresses');
    }
    return staff;
  }

  groups(): Promise<PermissionGroup[]> {
    this.#groups ??= this.storage.groups.groups().then((r) => r.groups);
    return this.#groups;
  }

  /** The rules' view of one staff member and the groups. */
  async stateOf(staff: StaffRecord): Promise<GroupsState> {
    return {
      groups: await this.groups(),
      staff: [{ id: staff.id, owner: staff.role === 'owner', groupId: groupOf(staff) }],
    };
  }

  /** Every permission the viewer holds, implied ones included; every one for the owner. */
  async holds(): Promise<string[]> {
    const viewer = await this.viewer();
    const held = permissionsOf(await this.stateOf(viewer), viewer.id, this.core.catalogue);
    return held === 'all' ? this.core.catalogue.permissions.map((p) => p.id) : [...held];
  }

  async may(permission: string): Promise<boolean> {
    const viewer = await this.viewer();
    return can(await this.stateOf(viewer), viewer.id, permission, this.core.catalogue);
  }

  /** The viewer, when their group grants every one of `permissions`; otherwise `forbidden` with `message`. */
  async require(permissions: string | readonly string[], message: string): Promise<StaffRecord> {
    const viewer = await this.viewer();
    for (const permission of typeof permissions === 'string' ? [permissions] : permissions)
      if (!(await this.may(permission))) throw forbidden(message);
    return viewer;
  }

  /** Whether the viewer may see clients' phone numbers and email addresses (the policy's rule). */
  seesContacts(): Promise<boolean> {
    this.#sees ??= (async () => {
      const viewer = await this.viewer();
      const [masking, business, overrides] = await Promise.all([
        this.storage.masking.masking(),
        this.storage.masking.business(),
        this.storage.masking.overrides(),
      ]);
      return canSeeContacts({
        viewer,
        masking: { enabled: masking.enabled, plan: business.plan },
        overrides: overrides.staffIds,
      });
    })();
    return this.#sees;
  }

  /** The viewer as `GET /viewer` answers. */
  async viewerAnswer(): Promise<Viewer> {
    const staff = await this.viewer();
    const business = await this.storage.masking.business();
    return {
      id: staff.id,
      name: staff.name,
      role: staff.role,
      businessId: business.id,
      businessName: business.name,
      plan: business.plan,
      canSeeContacts: await this.seesContacts(),
      permissions: await this.holds(),
    };
  }

  /** Records what the viewer did, in the same transaction as the change. */
  async audit(
    tx: Storage,
    action: string,
    details: {
      target?: { id: string; name: string } | null;
      changes?: AuditEvent['changes'];
      metadata?: AuditEvent['metadata'];
      outcome?: AuditEvent['outcome'];
      reason?: string | null;
      actor?: StaffRecord;
    } = {},
  ): Promise<AuditEvent> {
    const viewer = details.actor ?? (await this.viewer());
    const identity = this.#identity;
    const event = await tx.audit.append({
      occurredAt: this.iso(),
      action,
      outcome: details.outcome ?? 'success',
      actor: { type: 'staff', id: viewer.id, name: viewer.name, role: viewer.role },
      targets: details.target ? [{ type: 'staff', id: details.target.id, name: details.target.name }] : [],
      context: {
        ...(identity?.ip && { ip: identity.ip }),
        ...(identity?.userAgent && { userAgent: identity.userAgent }),
        ...(identity?.sessionId && { sessionId: identity.sessionId }),
        ...(viewer.locationId && { locationId: viewer.locationId }),
      },
      changes: structuredClone(details.changes ?? {}),
      reason: details.reason ?? null,
      ...(details.metadata && { metadata: structuredClone(details.metadata) }),
    });
    this.#recorded.push(event);
    return event;
  }

  /** Events recorded by this request, told to the host's `onEvent` once they landed. */
  readonly #recorded: AuditEvent[] = [];

  async announce(): Promise<void> {
    const events = this.#recorded.splice(0);
    if (this.core.onEvent) for (const event of events) await this.core.onEvent(event);
  }

  /**
   * The one way a room writes: `run` inside a transaction, its answer kept under the
   * request's Idempotency-Key for this viewer. The same key again with the same request
   * answers the kept answer; with another method, path, version or body it is `422`;
   * while the first is still being written, `409`. A failed write keeps nothing.
   */
  async write(run: (tx: Storage) => Promise<{ status?: number; body: unknown }>): Promise<Response> {
    const viewer = await this.viewer();
    const key = this.request.headers.get('Idempotency-Key')?.trim() || undefined;
    if (key !== undefined && (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)))
      throw new AdapterError('validation', {
        message: 'An Idempotency-Key is 1 to 255 visible ASCII characters',
        fieldErrors: { 'Idempotency-Key': 'Up to 255 visible ASCII characters' },
      });
    const endpoint = `${this.request.method} ${this.url.pathname}`;
    const { text } = await this.body();
    const fingerprint = await sha256(`${endpoint}\n${this.request.headers.get('If-Match') ?? ''}\n${text}`);
    const seesContacts = await this.seesContacts();
    const kept = async (tx: Storage): Promise<Response | undefined> => {
      const found = key ? await tx.idempotency.find(viewer.id, key) : undefined;
      if (!found) return undefined;
      if (found.fingerprint !== fingerprint)
        throw new AdapterError('validation', {
          message: `This Idempotency-Key was used for another request (${found.endpoint}); use a new key for a new request`,
          fieldErrors: { 'Idempotency-Key': 'Already used for another request' },
        });
      // The kept answer showed contacts the viewer may no longer see: say so rather than show them.
      if (found.seesContacts && !seesContacts)
        throw new AdapterError('conflict', {
          message: 'What you may see changed since this request was made: reload to see it as you may now',
        });
      return new Response(found.body, {
        status: found.status,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotent-Replayed': 'true' },
      });
    };
    const earlier = await kept(this.storage);
    if (earlier) return earlier;
    const response = await this.inTransaction(async (tx) => {
      const replay = await kept(tx);
      if (replay) return replay;
      const { status = 200, body } = await run(tx);
      const answer = JSON.stringify(body);
      if (
        key &&
        !(await tx.idempotency.save({
          viewerId: viewer.id,
          key,
          endpoint,
          fingerprint,
          status,
          body: answer,
          seesContacts,
          at: this.iso(),
        }))
      )
        throw new AdapterError('conflict', {
          message: 'A request with this Idempotency-Key is being written: wait for its answer',
        });
      return json(body, status);
    });
    await this.announce();
    return response;
  }

  #body: Promise<{ value: unknown; text: string }> | undefined;

  /** The request's JSON body, read once. */
  body(): Promise<{ value: unknown; text: string }> {
    this.#body ??= this.request.method === 'GET' ? Promise.resolve({ value: {}, text: '' }) : readBody(this.request);
    return this.#body;
  }

  /** A report access's fingerprint: the report and its filters, as a URL would carry them, in a fixed order. */
  static async fingerprint(report: SensitiveReport | string, filters: Record<string, unknown>): Promise<string> {
    const sorted = Object.keys(filters)
      .sort()
      .map((k) => [k, filters[k]]);
    return sha256(`${report}\n${JSON.stringify(sorted)}`);
  }
}
