/**
 * The mock backend: the REST contract (docs/rest-contract.md) served by MSW over a
 * seeded MemoryBackend, with switchable scenarios, viewers and businesses. The same
 * instance backs Storybook, the tests, and QA's own runners (browser or Node).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { MemoryBackend } from '../src/backend/memory-backend.js';
import { AdapterError, ERROR_STATUS, errorCode, type AdapterErrorKind } from '../src/core/errors.js';
import type {
  AlertContext,
  GroupChange,
  LoginSecuritySettings,
  Role,
  StaffQuery,
  VerificationQuery,
  ContactLogQuery,
  StaffAccessChange,
  EntryLogQuery,
  StaffActivityQuery,
} from '../src/core/types.js';
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
  /** Which requests fail: reads (GET), writes (PUT/POST) or all. */
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

interface RequestContext {
  viewerId: string;
  request: Request;
  params: Record<string, string>;
  url: URL;
  version: number;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

function errorResponse(error: AdapterError): Response {
  const current = error.current as { version?: unknown } | undefined;
  return HttpResponse.json(
    {
      error: {
        code: errorCode(error.kind),
        message: error.message,
        fields: Object.keys(error.fieldErrors).length ? error.fieldErrors : null,
        current: current ?? null,
        currentVersion: typeof current?.version === 'number' ? current.version : null,
        requiredPlan: error.requiredPlan ?? null,
      },
    },
    { status: error.status ?? ERROR_STATUS[error.kind as FaultKind] ?? 500 },
  );
}

function numberParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  return raw === null || raw === '' ? undefined : Number(raw);
}

/** A report's query from a URL's parameters, as the REST contract names them: `limit` and these strings. */
function reportQuery<Q>(url: URL, names: readonly string[]): Q {
  const query: Record<string, string | number | undefined> = { limit: numberParam(url, 'limit') };
  for (const name of [...names, 'from', 'to', 'sort', 'direction', 'cursor']) query[name] = stringParam(url, name);
  return query as Q;
}

/** The verification report's query from a URL's parameters. */
function verificationQuery(url: URL): VerificationQuery {
  return {
    status: stringParam(url, 'status'),
    from: stringParam(url, 'from'),
    to: stringParam(url, 'to'),
    sort: stringParam(url, 'sort'),
    direction: stringParam(url, 'direction'),
    offset: numberParam(url, 'offset'),
    limit: numberParam(url, 'limit'),
  } as VerificationQuery;
}

const CONTACT_LOG_PARAMS = ['type', 'subtype', 'action', 'context', 'staff', 'client', 'location'];
const ENTRY_LOG_PARAMS = ['kind', 'person', 'outcome', 'ip', 'flag'];
const STAFF_ACTIVITY_PARAMS = ['staff', 'report', 'exported', 'ip', 'former'];

function stringParam<T extends string = string>(url: URL, name: string): T | undefined {
  return (url.searchParams.get(name) || undefined) as T | undefined;
}

export class DeskguardMock {
  config: MockConfig = { ...DEFAULTS };
  backend!: MemoryBackend;
  /** Every answer served since the last `configure`, in order. */
  readonly served: ServedResponse[] = [];
  private faultsLeft = Infinity;
  /** Counts `configure` calls: an answer to a request that arrived before the last one is not recorded. */
  private generation = 0;

  constructor(config: Partial<MockConfig> = {}) {
    this.configure(config);
  }

  /** Sets the scenario, viewer and business, and reseeds the data. */
  configure(config: Partial<MockConfig> = {}): this {
    this.config = { ...DEFAULTS, ...config };
    this.faultsLeft = this.config.fault?.times ?? Infinity;
    this.served.length = 0;
    this.generation += 1;
    this.backend = new MemoryBackend(
      createSeedData({
        business: this.config.business,
        dataset: DATASETS[this.config.scenario] ?? 'standard',
        scale: this.config.scale ?? 1,
        contactLogs: this.config.contactLogs,
        auditEvents: this.config.auditEvents,
      }),
      { now: this.config.now },
    );
    return this;
  }

  /**
   * A core staff member signs in from an address, as the host's own sign-in would tell
   * the backend: recorded as a sign-in, and the mock then acts as them.
   */
  signIn(viewer: ViewerKey, context: { ip: string; userAgent?: string }): this {
    this.backend.signIn(CORE_STAFF[viewer].id, context);
    return this.setViewer(viewer);
  }

  /** Injects a fault (or clears it) without reseeding. */
  setFault(fault: Fault | undefined): this {
    this.config = { ...this.config, fault };
    this.faultsLeft = fault?.times ?? Infinity;
    return this;
  }

  /** Signs in as another core staff member without reseeding. */
  setViewer(viewer: ViewerKey): this {
    this.config = { ...this.config, viewer };
    return this;
  }

  get viewerId(): string {
    return CORE_STAFF[this.config.viewer].id;
  }

  /** Every raw phone number and email address in the data: what a masked viewer must never receive. */
  rawContacts(): string[] {
    return this.backend.data.clients.flatMap((c) => [c.phone, c.email]).filter((v): v is string => !!v);
  }

  private activeFault(kind: 'read' | 'write'): Fault | undefined {
    const fault = this.config.fault ?? SCENARIO_FAULTS[this.config.scenario];
    if (!fault || (fault.on !== 'all' && fault.on !== kind) || this.faultsLeft <= 0) return undefined;
    this.faultsLeft -= 1;
    return fault;
  }

  /**
   * Someone else (the owner, on another device) saves the same record first. The save
   * goes through the backend's own rules, so it can only produce a state a real save could.
   */
  private concurrentEdit(path: string, params: Record<string, string>, body: Record<string, unknown>): void {
    const backend = this.backend;
    const owner = CORE_STAFF.owner.id;
    const frontDesk = CORE_STAFF['front-desk'].id;
    try {
      if (path.endsWith('/masking-settings')) {
        const { enabled, version } = backend.getMaskingSettings(owner);
        backend.updateMaskingSettings(owner, { enabled: !enabled, version });
      } else if (path.endsWith('/visibility-overrides')) {
        const { staffIds, version } = backend.getVisibilityOverrides(owner);
        const next = staffIds.includes(frontDesk)
          ? staffIds.filter((id) => id !== frontDesk)
          : [...staffIds, frontDesk];
        backend.updateVisibilityOverrides(owner, { staffIds: next, version });
      } else if (params['id'] && path.includes('/verification-requests/')) {
        const record = backend.data.verificationRequests.find((r) => r.id === params['id']);
        if (record) backend.declineRequest(owner, { id: record.id, version: record.version });
      } else if (params['id'] && path.endsWith('/alert-resolutions')) {
        // Another staff member adds a yellow alert to the client (or clears it) meanwhile.
        const client = backend.data.clients.find((c) => c.id === params['id']);
        if (client) client.yellowAlert = client.yellowAlert ? null : 'Check photo ID at the door this week.';
      } else if (path.endsWith('/login-security')) {
        // Another admin lengthens the minimum meanwhile.
        const { settings, version } = backend.getLoginSecurity(owner);
        backend.updateLoginSecurity(owner, {
          settings: { ...settings, minLength: settings.minLength === 12 ? 10 : 12 },
          version,
        });
      } else if (path.endsWith('/permission-groups/changes')) {
        // Another admin renames the front desk's group meanwhile.
        const { groups, version } = backend.getPermissionGroups(owner);
        const desk = groups.find((g) => g.id === 'group-front-desk');
        if (desk)
          backend.updatePermissionGroups(owner, {
            changes: [
              {
                kind: 'rename',
                groupId: desk.id,
                name: desk.name.endsWith(' (day)') ? 'Front desk' : `${desk.name} (day)`,
              },
            ],
            version,
          });
      } else if (params['id'] && path.endsWith('/access')) {
        // Another admin signs the staff member out everywhere meanwhile.
        const { version } = backend.getStaffAccess(owner, params['id']);
        backend.changeStaffAccess(owner, { staffId: params['id'], version, action: 'sign-out-everywhere' });
      } else if (path.endsWith('/gift-card-ids') && typeof body['number'] === 'string') {
        backend.reserveGiftCardId(owner, { number: body['number'] });
      }
    } catch (error) {
      // The other device's save was refused as well (plan, already handled, taken): nothing changed.
      if (!(error instanceof AdapterError)) throw error;
    }
  }

  private async answer(
    kind: 'read' | 'write',
    ctx: Omit<RequestContext, 'viewerId'>,
    run: (ctx: RequestContext) => unknown,
    status: number,
    generation: number,
  ): Promise<{ response: Response; injected: boolean }> {
    const latency = this.config.latencyMs ?? (this.config.scenario === 'slow' ? 2_500 : 0);
    if (latency) await delay(latency);
    // Reconfigured while this request waited: the data it was sent to is gone, so it must not
    // change the fresh data (a slow save from an earlier test would otherwise land in the next).
    if (generation !== this.generation) return { response: HttpResponse.error(), injected: true };
    const fault = this.activeFault(kind);
    const response = await this.respond(fault, ctx, run, status);
    return { response, injected: !!fault && fault.kind !== 'conflict' };
  }

  private async respond(
    fault: Fault | undefined,
    ctx: Omit<RequestContext, 'viewerId'>,
    run: (ctx: RequestContext) => unknown,
    status: number,
  ): Promise<Response> {
    if (fault?.phase === 'after' && fault.kind !== 'conflict') {
      await this.respond(undefined, ctx, run, status);
      return this.respond({ ...fault, phase: 'before' }, ctx, run, status);
    }
    if (fault?.kind === 'timeout') await delay('infinite');
    if (fault?.kind === 'network') return HttpResponse.error();
    if (fault?.kind === 'malformed') return HttpResponse.json({ unexpected: 'shape', version: 'seven' });
    if (fault?.kind === 'conflict') this.concurrentEdit(ctx.url.pathname, ctx.params, ctx.body);
    else if (fault) {
      return errorResponse(
        new AdapterError(fault.kind, {
          message: `Injected ${fault.kind} fault`,
          requiredPlan: fault.kind === 'plan-required' ? 'premium' : undefined,
          fieldErrors: fault.kind === 'validation' ? { request: 'The server rejected this request' } : undefined,
        }),
      );
    }
    const auth = ctx.request.headers.get('Authorization');
    const viewerId = auth?.startsWith('Bearer ') ? auth.slice(7) : this.viewerId;
    try {
      return HttpResponse.json(run({ ...ctx, viewerId }) as Record<string, unknown>, { status });
    } catch (error) {
      if (error instanceof AdapterError) return errorResponse(error);
      return HttpResponse.json({ error: { code: 'server', message: String(error) } }, { status: 500 });
    }
  }

  /** The MSW handlers for the whole REST contract under `baseUrl`. */
  handlers(baseUrl = MOCK_BASE_URL): HttpHandler[] {
    const base = baseUrl.replace(/\/+$/, '');
    const route = (
      method: 'get' | 'put' | 'post',
      path: string,
      run: (ctx: RequestContext) => unknown,
      options: { status?: number; versioned?: boolean } = {},
    ): HttpHandler =>
      http[method](`${base}${path}`, async ({ request, params }) => {
        const url = new URL(request.url);
        const kind = method === 'get' ? 'read' : 'write';
        let body: Record<string, unknown> = {};
        if (kind === 'write') {
          try {
            const text = await request.clone().text();
            body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            return errorResponse(
              new AdapterError('validation', { status: 400, message: 'The request body is not JSON' }),
            );
          }
        }
        const ifMatch = request.headers.get('If-Match');
        if (options.versioned && !ifMatch) {
          return errorResponse(new AdapterError('validation', { status: 428, message: 'If-Match is required' }));
        }
        const ctx = {
          request,
          url,
          params: params as Record<string, string>,
          version: Number(ifMatch?.replace(/"/g, '')),
          idempotencyKey: request.headers.get('Idempotency-Key') ?? undefined,
          body,
        };
        const generation = this.generation;
        const { response, injected } = await this.answer(kind, ctx, run, options.status ?? 200, generation);
        const answered = response.type === 'error' ? '' : await response.clone().text();
        // A request from before the last `configure` (a test that ended with one in flight) belongs to no one now.
        if (generation === this.generation) {
          this.served.push({
            method: request.method,
            path: url.pathname + url.search,
            status: response.status,
            body: answered,
            injected,
            request: { body, idempotencyKey: ctx.idempotencyKey },
          });
        }
        return response;
      });

    const b = () => this.backend;
    return [
      route('get', '/viewer', (c) => b().getViewer(c.viewerId)),
      route('get', '/masking-settings', (c) => b().getMaskingSettings(c.viewerId)),
      route(
        'put',
        '/masking-settings',
        (c) =>
          b().updateMaskingSettings(
            c.viewerId,
            { enabled: c.body['enabled'] as boolean, version: c.version },
            c.idempotencyKey,
          ),
        { versioned: true },
      ),
      route('get', '/locations', (c) => b().listLocations(c.viewerId)),
      route('get', '/staff', (c) =>
        b().listStaff(c.viewerId, {
          search: stringParam(c.url, 'search'),
          role: stringParam<Role>(c.url, 'role'),
          locationId: stringParam(c.url, 'locationId'),
          ids: stringParam(c.url, 'ids')?.split(','),
          groupId: stringParam(c.url, 'groupId'),
          offset: numberParam(c.url, 'offset'),
          limit: numberParam(c.url, 'limit'),
        } satisfies StaffQuery),
      ),
      route('get', '/staff/ids', (c) => ({
        ids: b().listStaffIds(c.viewerId, {
          search: stringParam(c.url, 'search'),
          role: stringParam<Role>(c.url, 'role'),
          locationId: stringParam(c.url, 'locationId'),
        }),
      })),
      route('get', '/visibility-overrides', (c) => b().getVisibilityOverrides(c.viewerId)),
      route(
        'put',
        '/visibility-overrides',
        (c) =>
          b().updateVisibilityOverrides(
            c.viewerId,
            { staffIds: c.body['staffIds'] as string[], version: c.version },
            c.idempotencyKey,
          ),
        { versioned: true },
      ),
      route('get', '/clients', (c) =>
        b().listClients(c.viewerId, {
          search: stringParam(c.url, 'search'),
          offset: numberParam(c.url, 'offset'),
          limit: numberParam(c.url, 'limit'),
        }),
      ),
      route('get', '/clients/:id/alerts', (c) =>
        b().getClientAlerts(c.viewerId, c.params['id']!, stringParam<AlertContext>(c.url, 'context') ?? 'profile'),
      ),
      route(
        'post',
        '/clients/:id/alert-resolutions',
        (c) =>
          b().resolveClientAlerts(
            c.viewerId,
            {
              clientId: c.params['id']!,
              context: c.body['context'] as AlertContext,
              resolutions: c.body['resolutions'] as never,
            },
            c.idempotencyKey,
          ),
        { status: 201 },
      ),
      route('get', '/staff/:id/access', (c) => b().getStaffAccess(c.viewerId, c.params['id']!)),
      route(
        'post',
        '/staff/:id/access',
        (c) =>
          b().changeStaffAccess(
            c.viewerId,
            { ...(c.body as object), staffId: c.params['id']!, version: c.version } as StaffAccessChange,
            c.idempotencyKey,
          ),
        { versioned: true },
      ),
      route('get', '/entry-logs', (c) =>
        b().listEntryLogs(c.viewerId, reportQuery<EntryLogQuery>(c.url, ENTRY_LOG_PARAMS)),
      ),
      route('get', '/entry-logs/export', (c) =>
        b().exportEntryLogs(
          c.viewerId,
          reportQuery<EntryLogQuery>(c.url, ENTRY_LOG_PARAMS),
          stringParam(c.url, 'format') as 'csv' | 'json',
        ),
      ),
      route('get', '/staff-activity', (c) =>
        b().listStaffActivity(c.viewerId, reportQuery<StaffActivityQuery>(c.url, STAFF_ACTIVITY_PARAMS)),
      ),
      route('get', '/staff-activity/export', (c) =>
        b().exportStaffActivity(
          c.viewerId,
          reportQuery<StaffActivityQuery>(c.url, STAFF_ACTIVITY_PARAMS),
          stringParam(c.url, 'format') as 'csv' | 'json',
        ),
      ),
      route('get', '/staff-activity/:id/replay', (c) =>
        b().replayStaffActivity(c.viewerId, c.params['id']!, {
          cursor: stringParam(c.url, 'cursor'),
          limit: numberParam(c.url, 'limit'),
        }),
      ),
      route('get', '/contact-logs', (c) =>
        b().listContactLogs(c.viewerId, reportQuery<ContactLogQuery>(c.url, CONTACT_LOG_PARAMS)),
      ),
      route('get', '/contact-logs/export', (c) =>
        b().exportContactLogs(
          c.viewerId,
          reportQuery<ContactLogQuery>(c.url, CONTACT_LOG_PARAMS),
          stringParam(c.url, 'format') as 'csv' | 'json',
        ),
      ),
      route('get', '/verification-requests', (c) => b().listVerificationRequests(c.viewerId, verificationQuery(c.url))),
      route('get', '/verification-requests/export', (c) =>
        b().exportVerificationRequests(
          c.viewerId,
          verificationQuery(c.url),
          stringParam(c.url, 'format') as 'csv' | 'json',
        ),
      ),
      route(
        'post',
        '/verification-requests/:id/verify',
        (c) =>
          b().verifyRequest(
            c.viewerId,
            {
              id: c.params['id']!,
              version: c.version,
              sendApprovalEmail: c.body['sendApprovalEmail'] === true,
              acknowledgeMismatch: c.body['acknowledgeMismatch'] === true,
            },
            c.idempotencyKey,
          ),
        { versioned: true },
      ),
      route(
        'post',
        '/verification-requests/:id/decline',
        (c) => b().declineRequest(c.viewerId, { id: c.params['id']!, version: c.version }, c.idempotencyKey),
        { versioned: true },
      ),
      route(
        'post',
        '/gift-card-ids',
        (c) => b().reserveGiftCardId(c.viewerId, { number: c.body['number'] as string }, c.idempotencyKey),
        { status: 201 },
      ),
      route('get', '/permission-groups', (c) => b().getPermissionGroups(c.viewerId)),
      route('get', '/login-security', (c) => b().getLoginSecurity(c.viewerId)),
      route(
        'put',
        '/login-security',
        (c) =>
          b().updateLoginSecurity(
            c.viewerId,
            { settings: c.body['settings'] as LoginSecuritySettings, version: c.version },
            c.idempotencyKey,
          ),
        { versioned: true },
      ),
      route(
        'post',
        '/permission-groups/changes',
        (c) =>
          b().updatePermissionGroups(
            c.viewerId,
            { changes: c.body['changes'] as GroupChange[], version: c.version },
            c.idempotencyKey,
          ),
        { versioned: true },
      ),
    ];
  }
}
