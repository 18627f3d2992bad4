/**
 * The mock backend: `deskguard/server` over a seeded `MemoryStorage`, served by MSW, with
 * switchable scenarios, viewers and businesses, and faults injected in front of it. The
 * rules are the server's own, so the mock cannot drift from what hosts run. The same
 * instance backs Storybook, the tests, and QA's own runners (browser or Node).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { AdapterError, type AdapterErrorKind } from '../src/core/errors.js';
import type { Plan } from '../src/core/types.js';
import { errorResponse } from '../src/server/http.js';
import { identityFromToken } from '../src/server/access/sign-in.js';
import { createServer, type DeskguardServer } from '../src/server/server.js';
import type { Identity } from '../src/server/context.js';
import type { PermissionCatalogue } from '../src/policy/permissions.js';
import { MemoryStorage } from '../src/server/memory/index.js';
import type { SqlClient } from '../src/server/postgres/client.js';
import { PostgresStorage } from '../src/server/postgres/index.js';
import { loadBusiness } from '../src/server/postgres/load.js';
import type { BackendData } from '../src/server/records.js';
import type { Storage } from '../src/server/storage.js';
import { randomToken } from '../src/server/crypto.js';
import { createSeedData, CORE_STAFF, type BusinessKey, type DatasetKey, type ViewerKey } from './seed.js';

/** Where the mock serves the REST contract unless told otherwise. */
export const MOCK_BASE_URL = '/api/deskguard';

/** The named scenarios of the Storybook toolbar and of QA runs. */
export type ScenarioName =
  'normal' | 'slow' | 'offline' | 'timeout' | 'server-error' | 'conflict' | 'malformed' | 'empty' | 'large' | 'hostile';

export const SCENARIOS: Record<ScenarioName, string> = {
  normal: 'Normal',
  slow: 'Slow network (2.5 s per request)',
  offline: 'Offline (every request fails)',
  timeout: 'Server never answers',
  'server-error': 'Server errors (500)',
  conflict: 'Conflicts (someone else saves first)',
  malformed: 'Malformed responses',
  empty: 'Empty data',
  large: 'Large data (5,000 staff, 30,000 requests)',
  hostile: 'Hostile text in every field',
};

/** A fault kind the mock can inject; `aborted` is the caller's own doing, not the server's. */
export type FaultKind = Exclude<AdapterErrorKind, 'aborted'>;

export interface Fault {
  kind: FaultKind;
  /** Which requests fail: reads (GET), writes (PUT/POST/DELETE) or all. */
  on: 'read' | 'write' | 'all';
  /** Fail only this many matching requests, then answer normally. */
  times?: number;
  /**
   * `after`: the backend handles the request first (a write lands), then the fault replaces
   * its answer, as when the connection drops on the way back. `before` (the default): the
   * request fails before the backend sees it. Ignored for `conflict`.
   */
  phase?: 'before' | 'after';
}

export interface MockConfig {
  scenario: ScenarioName;
  viewer: ViewerKey;
  business: BusinessKey;
  /** A fault on top of the scenario (tests use this to reach each error kind). */
  fault?: Fault | undefined;
  /** Latency added to every answer, in milliseconds. */
  latencyMs?: number;
  /** Grows the `large` scenario's staff and link requests this many times (benchmarks). */
  scale?: number;
  /** How many contact logs to seed instead of the scenario's (30; 5,000 in `large`), e.g. a million (benchmarks). */
  contactLogs?: number;
  /** How many more sign-ins and report accesses to seed, e.g. a million (benchmarks). */
  auditEvents?: number;
  /** The backend's clock, epoch milliseconds; `Date.now` by default. */
  now?: () => number;
}

export interface ServedResponse {
  method: string;
  path: string;
  status: number;
  body: string;
  /** True when the answer was an injected fault, not the backend's own. */
  injected: boolean;
  /** The request's JSON body (`{}` for reads) and its Idempotency-Key header. */
  request: { body: Record<string, unknown>; idempotencyKey: string | undefined };
}

const DEFAULTS: MockConfig = { scenario: 'normal', viewer: 'admin', business: 'premium-new' };

const SCENARIO_FAULTS: Partial<Record<ScenarioName, Fault>> = {
  offline: { kind: 'network', on: 'all' },
  timeout: { kind: 'timeout', on: 'all' },
  'server-error': { kind: 'server', on: 'all' },
  malformed: { kind: 'malformed', on: 'all' },
  conflict: { kind: 'conflict', on: 'write' },
};

const DATASETS: Partial<Record<ScenarioName, DatasetKey>> = { empty: 'empty', large: 'large', hostile: 'hostile' };

/** The mock's own cursor secret: every server it makes reads every cursor it gave. */
const MOCK_SECRET = 'deskguard-mock-cursor-secret';

export interface MockOptions {
  /**
   * A Postgres database (PGlite or a server, through `fromPGlite` or `fromPostgres` of
   * `deskguard/server/postgres`) to keep the records in, instead of memory: each
   * `configure` seeds a business of its own in it.
   */
  database?: SqlClient;
  /**
   * The business the first `configure` keeps its records as, in `database`: when the
   * database has it already (a folder kept between runs), its records are used as they are.
   */
  businessId?: string;
}

export class DeskguardMock {
  config: MockConfig = { ...DEFAULTS };
  /** The server every request is answered by. */
  server!: DeskguardServer;
  /** The storage the server keeps its records in: memory, or the database given. */
  store!: Storage;
  /** Resolves once the records of the last `configure` are stored (at once in memory). */
  ready: Promise<void> = Promise.resolve();
  readonly #database: SqlClient | undefined;
  /** The business to resume, for the first `configure` only. */
  #resume: string | undefined;
  #memory: MemoryStorage | undefined;
  /** The data the last `configure` seeded. */
  #seed!: BackendData;
  /** The permissions groups grant, when a host's own are added (`useCatalogue`). */
  #catalogue: PermissionCatalogue | undefined;
  /** Every answer served since the last `configure`, in order. */
  readonly served: ServedResponse[] = [];
  #faultsLeft = Infinity;
  /** Counts `configure` calls: an answer to a request that arrived before the last one is not recorded. */
  #generation = 0;
  /** When the configured viewers count as having signed in. */
  #signedInAt = '';
  /** The session the default viewer signed in with (`signIn`); none: the stand-in for `config.viewer`. */
  #token: string | undefined;

  constructor(config: Partial<MockConfig> = {}, options: MockOptions = {}) {
    this.#database = options.database;
    this.#resume = options.businessId;
    this.configure(config);
  }

  /** The data the last `configure` seeded, as it was then. */
  get seed(): BackendData {
    return this.#seed;
  }

  /** The records behind the mock, for a test to read and arrange (writes through it bypass every rule). */
  get storage(): MemoryStorage {
    if (!this.#memory)
      throw new Error('This mock keeps its records in a database: read them through the REST contract');
    return this.#memory;
  }

  /** Sets the scenario, viewer and business, and reseeds the data. */
  configure(config: Partial<MockConfig> = {}): this {
    this.config = { ...DEFAULTS, ...config };
    this.#faultsLeft = this.config.fault?.times ?? Infinity;
    this.served.length = 0;
    this.#generation += 1;
    this.#token = undefined;
    this.#seed = createSeedData({
      business: this.config.business,
      dataset: DATASETS[this.config.scenario] ?? 'standard',
      scale: this.config.scale ?? 1,
      contactLogs: this.config.contactLogs,
      auditEvents: this.config.auditEvents,
    });
    const database = this.#database;
    if (database) {
      // A business of its own for every configuration: the audit log is never rewritten.
      const businessId = this.#resume ?? `mock-${this.config.business}-${randomToken(6)}`;
      this.#resume = undefined;
      const storage = new PostgresStorage(database, { businessId });
      this.#memory = undefined;
      this.store = storage;
      this.ready = PostgresStorage.open(database, { businessId }).then(async () => {
        const kept = await database.query('SELECT 1 FROM deskguard.business WHERE business_id = $1', [businessId]);
        if (!kept.rows.length) await loadBusiness(database, businessId, this.#seed);
      });
    } else {
      this.#memory = new MemoryStorage(this.#seed);
      this.store = this.#memory;
      this.ready = Promise.resolve();
    }
    const now = this.config.now ?? Date.now;
    this.#signedInAt = new Date(now()).toISOString();
    this.server = createServer({
      storage: this.store,
      catalogue: this.#catalogue,
      now,
      secret: MOCK_SECRET,
      // The seed's passwords are hashed with 1,000 iterations; new ones too, so sign-ins stay quick.
      passwords: { iterations: 1_000 },
      address: (request) => request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim() || undefined,
      viewer: (request) => this.#identity(request),
    });
    return this;
  }

  /**
   * Who a request is from: a session's bearer token (`POST /sessions`, `signIn`), or a
   * staff id as a bearer token or, without one, the configured viewer: the mock's stand-in
   * for someone who signed in when it was configured (so "Sign out everywhere" ends it).
   */
  async #identity(request: Request): Promise<Identity | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '')?.[1];
    const token = bearer ?? this.#token ?? this.viewerId;
    const session = await identityFromToken(this.store, token);
    if (session) return session;
    if (bearer === undefined && this.#token) return null;
    return { staffId: token, signedInAt: this.#signedInAt };
  }

  /**
   * A core staff member signs in from an address, as the host's own sign-in would tell
   * the backend: decided by the login rules, recorded as an entry, and the mock then acts
   * as them through that session.
   */
  async signIn(viewer: ViewerKey, context: { ip: string; userAgent?: string }): Promise<this> {
    const result = await this.server.signIn({ staffId: CORE_STAFF[viewer].id, passwordVerified: true, ...context });
    if (result.outcome !== 'signed-in') throw new AdapterError('unauthorized', { message: result.message });
    this.config = { ...this.config, viewer };
    this.#token = result.token;
    return this;
  }

  /** Serves a host's own permissions beside the kit's, from the next `configure` on. */
  useCatalogue(catalogue: PermissionCatalogue | undefined): this {
    this.#catalogue = catalogue;
    return this;
  }

  /** Injects a fault (or clears it) without reseeding. */
  setFault(fault: Fault | undefined): this {
    this.config = { ...this.config, fault };
    this.#faultsLeft = fault?.times ?? Infinity;
    return this;
  }

  /** Signs in as another core staff member without reseeding. */
  setViewer(viewer: ViewerKey): this {
    this.config = { ...this.config, viewer };
    this.#token = undefined;
    return this;
  }

  /** Moves the business to another plan: the stored masking choice is kept, and applies again on premium. */
  changePlan(plan: Plan): this {
    this.storage.data.business.plan = plan;
    return this;
  }

  get viewerId(): string {
    return CORE_STAFF[this.config.viewer].id;
  }

  /** Every raw phone number and email address in the data: what a masked viewer must never receive. */
  rawContacts(): string[] {
    return this.#seed.clients.flatMap((c) => [c.phone, c.email]).filter((v): v is string => !!v);
  }

  #activeFault(kind: 'read' | 'write'): Fault | undefined {
    const fault = this.config.fault ?? SCENARIO_FAULTS[this.config.scenario];
    if (!fault || (fault.on !== 'all' && fault.on !== kind) || this.#faultsLeft <= 0) return undefined;
    this.#faultsLeft -= 1;
    return fault;
  }

  /** A request of the owner's, on another device, through the server's own rules. */
  async #asOwner(method: string, path: string, body?: unknown, version?: number): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (version !== undefined) headers['If-Match'] = `"${version}"`;
    const answer = await this.server.fetch(
      new Request(`http://deskguard.mock${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { staffId: CORE_STAFF.owner.id },
    );
    return (await answer.json()) as Record<string, unknown>;
  }

  /**
   * Someone else (the owner, on another device) saves the same record first. The save
   * goes through the server's own rules, so it can only produce a state a real save could.
   */
  async #concurrentEdit(path: string, body: Record<string, unknown>): Promise<void> {
    const owner = (method: string, at: string, sent?: unknown, version?: number) =>
      this.#asOwner(method, at, sent, version);
    const frontDesk = CORE_STAFF['front-desk'].id;
    const id = /^\/(?:verification-requests|clients|staff)\/([^/]+)\//.exec(path)?.[1];
    if (path === '/masking-settings') {
      const { enabled, version } = await owner('GET', path);
      await owner('PUT', path, { enabled: !enabled }, version as number);
    } else if (path === '/visibility-overrides') {
      const { staffIds, version } = (await owner('GET', path)) as { staffIds: string[]; version: number };
      const next = staffIds.includes(frontDesk) ? staffIds.filter((s) => s !== frontDesk) : [...staffIds, frontDesk];
      await owner('PUT', path, { staffIds: next }, version);
    } else if (id && path.startsWith('/verification-requests/')) {
      const found = await this.store.verification.request(decodeURIComponent(id));
      if (found) await owner('POST', `/verification-requests/${id}/decline`, {}, found.request.version);
    } else if (id && path.endsWith('/alert-resolutions')) {
      // Another staff member adds a yellow alert to the client (or clears it) meanwhile (in memory:
      // the contract has no path that edits a client).
      const client = this.#memory?.data.clients.find((c) => c.id === decodeURIComponent(id));
      if (client) client.yellowAlert = client.yellowAlert ? null : 'Check photo ID at the door this week.';
    } else if (path === '/login-security') {
      // Another admin lengthens the minimum meanwhile.
      const { settings, version } = (await owner('GET', path)) as { settings: { minLength: number }; version: number };
      await owner('PUT', path, { settings: { ...settings, minLength: settings.minLength === 12 ? 10 : 12 } }, version);
    } else if (path === '/permission-groups/changes') {
      // Another admin renames the front desk's group meanwhile.
      const { groups, version } = (await owner('GET', '/permission-groups')) as {
        groups: { id: string; name: string }[];
        version: number;
      };
      const desk = groups.find((g) => g.id === 'group-front-desk');
      if (desk)
        await owner(
          'POST',
          path,
          {
            changes: [
              {
                kind: 'rename',
                groupId: desk.id,
                name: desk.name.endsWith(' (day)') ? 'Front desk' : `${desk.name} (day)`,
              },
            ],
          },
          version,
        );
    } else if (id && path.endsWith('/access')) {
      // Another admin signs the staff member out everywhere meanwhile.
      const { version } = await owner('GET', path);
      await owner('POST', path, { action: 'sign-out-everywhere' }, version as number);
    } else if (path === '/gift-card-ids' && typeof body['number'] === 'string') {
      await owner('POST', path, { number: body['number'] });
    }
  }

  /** The answer to one request: latency, then a fault or the server's own answer. */
  async #answer(request: Request, path: string, body: Record<string, unknown>, generation: number) {
    const kind = request.method === 'GET' ? 'read' : 'write';
    const latency = this.config.latencyMs ?? (this.config.scenario === 'slow' ? 2_500 : 0);
    if (latency) await delay(latency);
    await this.ready;
    // Reconfigured while this request waited: the data it was sent to is gone, so it must not
    // change the fresh data (a slow save from an earlier test would otherwise land in the next).
    if (generation !== this.#generation) return { response: HttpResponse.error() as Response, injected: true };
    const fault = this.#activeFault(kind);
    const served = () => this.server.fetch(request.clone());
    if (!fault) return { response: await served(), injected: false };
    if (fault.kind === 'conflict') {
      await this.#concurrentEdit(path, body);
      return { response: await served(), injected: false };
    }
    if (fault.phase === 'after') await served();
    if (fault.kind === 'timeout') await delay('infinite');
    if (fault.kind === 'network') return { response: HttpResponse.error() as Response, injected: true };
    if (fault.kind === 'malformed')
      return { response: HttpResponse.json({ unexpected: 'shape', version: 'seven' }) as Response, injected: true };
    const injected = new AdapterError(fault.kind, {
      message: `Injected ${fault.kind} fault`,
      requiredPlan: fault.kind === 'plan-required' ? 'premium' : undefined,
      fieldErrors: fault.kind === 'validation' ? { request: 'The server rejected this request' } : undefined,
    });
    return { response: errorResponse(injected), injected: true };
  }

  /** The MSW handlers for the whole REST contract under `baseUrl`. */
  handlers(baseUrl = MOCK_BASE_URL): HttpHandler[] {
    const base = baseUrl.replace(/\/+$/, '');
    const prefix = /^[a-z]+:\/\//i.test(base) ? new URL(base).pathname.replace(/\/+$/, '') : base.replace(/^\*/, '');
    return [
      http.all(`${base}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const path = url.pathname.slice(url.pathname.indexOf(prefix) + prefix.length);
        const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
        let body: Record<string, unknown> = {};
        try {
          body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          body = {};
        }
        // The server answers the contract's paths: the base is where the mock is served.
        const inner = new Request(`http://deskguard.mock${path}${url.search}`, {
          method: request.method,
          headers: request.headers,
          body: text || undefined,
        });
        const generation = this.#generation;
        const { response, injected } = await this.#answer(inner, path, body, generation);
        const answered = response.type === 'error' ? '' : await response.clone().text();
        // A request from before the last `configure` (a test that ended with one in flight) belongs to no one now.
        if (generation === this.#generation)
          this.served.push({
            method: request.method,
            path: url.pathname + url.search,
            status: response.status,
            body: answered,
            injected,
            request: { body, idempotencyKey: request.headers.get('Idempotency-Key') ?? undefined },
          });
        return response;
      }),
    ];
  }
}
