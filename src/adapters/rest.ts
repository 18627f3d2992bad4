import type { CallOptions, DeskguardAdapter, WriteOptions } from '../core/adapter.js';
import { AdapterError, kindOfStatus } from '../core/errors.js';
import {
  loginSecuritySchema,
  permissionGroupsSchema,
  alertResolutionSchema,
  clientAlertsSchema,
  clientPageSchema,
  contactLogPageSchema,
  entryLogPageSchema,
  reportReplaySchema,
  staffActivityPageSchema,
  reportExportSchema,
  errorBodySchema,
  giftCardReservationSchema,
  locationsSchema,
  maskingSettingsSchema,
  overridesSchema,
  staffAccessSchema,
  staffIdsSchema,
  staffPageSchema,
  verificationPageSchema,
  verificationRequestSchema,
  viewerSchema,
} from './schemas.js';
import type {
  GroupChange,
  LoginSecuritySettings,
  AlertContext,
  AlertResolutionInput,
  ClientQuery,
  ContactLogQuery,
  EntryLogQuery,
  StaffActivityQuery,
  DeclineInput,
  StaffAccessChange,
  StaffFilter,
  StaffQuery,
  VerificationQuery,
  VerifyInput,
} from '../core/types.js';
import { checkAnswer, MalformedResponse, type Check } from './validate.js';

export interface RestAdapterOptions {
  /** Where the REST contract is served, e.g. `https://api.example.com/deskguard` or `/api/deskguard`. */
  baseUrl: string;
  /** Extra headers for every request, e.g. `Authorization`; may be async (token refresh). */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** `fetch` credentials mode; `same-origin` by default. */
  credentials?: RequestCredentials;
  /** Milliseconds before a request fails with kind `timeout`; 15 000 by default. */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

interface RequestSpec<T> {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  version?: number;
  idempotencyKey?: string;
  schema: Check<T>;
  /** How to read `error.current` of a 409 answer. */
  conflictSchema?: Check<unknown>;
}

/** The adapter for the documented REST contract (docs/rest-contract.md), over `fetch`. */
export class RestAdapter implements DeskguardAdapter {
  readonly baseUrl: string;
  private readonly options: RestAdapterOptions;

  constructor(options: RestAdapterOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  getViewer(o?: CallOptions) {
    return this.request({ method: 'GET', path: '/viewer', schema: viewerSchema }, o);
  }

  getMaskingSettings(o?: CallOptions) {
    return this.request({ method: 'GET', path: '/masking-settings', schema: maskingSettingsSchema }, o);
  }

  updateMaskingSettings(input: { enabled: boolean; version: number }, o?: WriteOptions) {
    return this.request(
      {
        method: 'PUT',
        path: '/masking-settings',
        body: { enabled: input.enabled },
        version: input.version,
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: maskingSettingsSchema,
        conflictSchema: maskingSettingsSchema,
      },
      o,
    );
  }

  listLocations(o?: CallOptions) {
    return this.request({ method: 'GET', path: '/locations', schema: locationsSchema }, o);
  }

  listStaff(query: StaffQuery, o?: CallOptions) {
    const { ids, ...rest } = query;
    // An empty id list matches nobody; left out of the URL it would match everyone.
    if (ids?.length === 0) return Promise.resolve({ items: [], total: 0, offset: 0, limit: query.limit ?? 50 });
    return this.request(
      { method: 'GET', path: '/staff', query: { ...rest, ids: ids?.join(',') }, schema: staffPageSchema },
      o,
    );
  }

  async listStaffIds(filter: StaffFilter, o?: CallOptions) {
    const { search, role, locationId } = filter;
    const answer = await this.request(
      { method: 'GET', path: '/staff/ids', query: { search, role, locationId }, schema: staffIdsSchema },
      o,
    );
    return answer.ids;
  }

  getVisibilityOverrides(o?: CallOptions) {
    return this.request({ method: 'GET', path: '/visibility-overrides', schema: overridesSchema }, o);
  }

  updateVisibilityOverrides(input: { staffIds: string[]; version: number }, o?: WriteOptions) {
    return this.request(
      {
        method: 'PUT',
        path: '/visibility-overrides',
        body: { staffIds: input.staffIds },
        version: input.version,
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: overridesSchema,
        conflictSchema: overridesSchema,
      },
      o,
    );
  }

  listClients(query: ClientQuery, o?: CallOptions) {
    return this.request({ method: 'GET', path: '/clients', query: { ...query }, schema: clientPageSchema }, o);
  }

  getClientAlerts(clientId: string, context: AlertContext, o?: CallOptions) {
    return this.request(
      {
        method: 'GET',
        path: `/clients/${encodeURIComponent(clientId)}/alerts`,
        query: { context },
        schema: clientAlertsSchema,
      },
      o,
    );
  }

  resolveClientAlerts(input: AlertResolutionInput, o?: WriteOptions) {
    return this.request(
      {
        method: 'POST',
        path: `/clients/${encodeURIComponent(input.clientId)}/alert-resolutions`,
        body: { context: input.context, resolutions: input.resolutions },
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: alertResolutionSchema,
        conflictSchema: clientAlertsSchema,
      },
      o,
    );
  }

  listContactLogs(query: ContactLogQuery, o?: CallOptions) {
    return this.request({ method: 'GET', path: '/contact-logs', query: { ...query }, schema: contactLogPageSchema }, o);
  }

  exportContactLogs(query: ContactLogQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.exportFile('/contact-logs/export', query, format, o);
  }

  listEntryLogs(query: EntryLogQuery, o?: CallOptions) {
    return this.request({ method: 'GET', path: '/entry-logs', query: { ...query }, schema: entryLogPageSchema }, o);
  }

  exportEntryLogs(query: EntryLogQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.exportFile('/entry-logs/export', query, format, o);
  }

  listStaffActivity(query: StaffActivityQuery, o?: CallOptions) {
    return this.request(
      { method: 'GET', path: '/staff-activity', query: { ...query }, schema: staffActivityPageSchema },
      o,
    );
  }

  exportStaffActivity(query: StaffActivityQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.exportFile('/staff-activity/export', query, format, o);
  }

  /** A report's export: every row its filters match (no page), as a file. */
  private exportFile(path: string, query: object, format: 'csv' | 'json', o?: CallOptions) {
    return this.request(
      {
        method: 'GET',
        path,
        query: { ...query, cursor: undefined, offset: undefined, limit: undefined, format },
        schema: reportExportSchema,
      },
      o,
    );
  }

  replayStaffActivity(accessId: string, page: { cursor?: string; limit?: number }, o?: CallOptions) {
    return this.request(
      {
        method: 'GET',
        path: `/staff-activity/${encodeURIComponent(accessId)}/replay`,
        query: { ...page },
        schema: reportReplaySchema,
      },
      o,
    );
  }

  exportVerificationRequests(query: VerificationQuery, format: 'csv' | 'json', o?: CallOptions) {
    return this.exportFile('/verification-requests/export', query, format, o);
  }

  listVerificationRequests(query: VerificationQuery, o?: CallOptions) {
    return this.request(
      { method: 'GET', path: '/verification-requests', query: { ...query }, schema: verificationPageSchema },
      o,
    );
  }

  verifyRequest(input: VerifyInput, o?: WriteOptions) {
    return this.request(
      {
        method: 'POST',
        path: `/verification-requests/${encodeURIComponent(input.id)}/verify`,
        body: { sendApprovalEmail: input.sendApprovalEmail, acknowledgeMismatch: input.acknowledgeMismatch ?? false },
        version: input.version,
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: verificationRequestSchema,
        conflictSchema: verificationRequestSchema,
      },
      o,
    );
  }

  declineRequest(input: DeclineInput, o?: WriteOptions) {
    return this.request(
      {
        method: 'POST',
        path: `/verification-requests/${encodeURIComponent(input.id)}/decline`,
        version: input.version,
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: verificationRequestSchema,
        conflictSchema: verificationRequestSchema,
      },
      o,
    );
  }

  reserveGiftCardId(input: { number: string }, o?: WriteOptions) {
    return this.request(
      {
        method: 'POST',
        path: '/gift-card-ids',
        body: { number: input.number },
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: giftCardReservationSchema,
      },
      o,
    );
  }

  getPermissionGroups(o?: CallOptions) {
    return this.request({ method: 'GET', path: '/permission-groups', schema: permissionGroupsSchema }, o);
  }

  updatePermissionGroups(input: { changes: GroupChange[]; version: number }, o?: WriteOptions) {
    return this.request(
      {
        method: 'POST',
        path: '/permission-groups/changes',
        body: { changes: input.changes },
        version: input.version,
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: permissionGroupsSchema,
        conflictSchema: permissionGroupsSchema,
      },
      o,
    );
  }

  getLoginSecurity(o?: CallOptions) {
    return this.request({ method: 'GET', path: '/login-security', schema: loginSecuritySchema }, o);
  }

  updateLoginSecurity(input: { settings: LoginSecuritySettings; version: number }, o?: WriteOptions) {
    return this.request(
      {
        method: 'PUT',
        path: '/login-security',
        body: { settings: input.settings },
        version: input.version,
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: loginSecuritySchema,
        conflictSchema: loginSecuritySchema,
      },
      o,
    );
  }

  getStaffAccess(staffId: string, o?: CallOptions) {
    return this.request(
      { method: 'GET', path: `/staff/${encodeURIComponent(staffId)}/access`, schema: staffAccessSchema },
      o,
    );
  }

  changeStaffAccess(input: StaffAccessChange, o?: WriteOptions) {
    const { staffId, version, ...body } = input;
    return this.request(
      {
        method: 'POST',
        path: `/staff/${encodeURIComponent(staffId)}/access`,
        body,
        version,
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        schema: staffAccessSchema,
        conflictSchema: staffAccessSchema,
      },
      o,
    );
  }

  private url(path: string, query?: RequestSpec<unknown>['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  private async request<T>(spec: RequestSpec<T>, options: CallOptions = {}): Promise<T> {
    const caller = options.signal;
    if (caller?.aborted) throw new AdapterError('aborted', { cause: caller.reason });
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 15_000);
    const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
    const headers = new Headers(await this.options.headers?.());
    headers.set('Accept', 'application/json');
    if (spec.body !== undefined) headers.set('Content-Type', 'application/json');
    if (spec.version !== undefined) headers.set('If-Match', `"${spec.version}"`);
    if (spec.idempotencyKey) headers.set('Idempotency-Key', spec.idempotencyKey);

    const url = this.url(spec.path, spec.query);
    const call = `${spec.method} ${url}`;
    const failure = (cause: unknown): AdapterError => {
      if (caller?.aborted) return new AdapterError('aborted', { cause });
      if (timeout.aborted) return new AdapterError('timeout', { message: `${call} did not answer in time`, cause });
      return new AdapterError('network', { message: `${call} could not be reached: ${String(cause)}`, cause });
    };

    let response: Response;
    let text: string;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        credentials: this.options.credentials ?? 'same-origin',
        signal,
      });
      text = await response.text();
    } catch (error) {
      throw failure(error);
    }

    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      if (response.ok)
        throw new AdapterError('malformed', {
          status: response.status,
          message: `${call}: the answer is not JSON`,
          cause,
        });
    }
    if (!response.ok) throw this.errorFrom(call, response, json, spec.conflictSchema);
    try {
      return checkAnswer(spec.schema, json);
    } catch (cause) {
      if (cause instanceof MalformedResponse) {
        throw new AdapterError('malformed', { status: response.status, message: `${call}: ${cause.message}`, cause });
      }
      throw cause;
    }
  }

  private errorFrom(call: string, response: Response, json: unknown, conflictSchema?: Check<unknown>): AdapterError {
    const { status } = response;
    let body: ReturnType<typeof errorBodySchema>['error'] | undefined;
    try {
      body = errorBodySchema(json).error;
    } catch {
      body = undefined;
    }
    if (status === 404 && !body?.code) {
      // No record is missing here: the URL is not the contract's, most often a wrong baseUrl.
      const type = response.headers.get('Content-Type') ?? 'no content type';
      return new AdapterError('malformed', {
        status,
        message: `${call} answered 404 (${type}) without a deskguard error body: is baseUrl "${this.baseUrl}" where the REST contract is served?`,
      });
    }
    const kind = kindOfStatus(status, body?.code);
    let current: unknown;
    if (kind === 'conflict' && conflictSchema && body?.current !== undefined) {
      try {
        current = conflictSchema(body.current);
      } catch {
        current = undefined;
      }
    }
    return new AdapterError(kind, {
      status,
      message: body?.message ?? `${call} answered ${status}`,
      fieldErrors: body?.fields ?? undefined,
      current,
      requiredPlan: body?.requiredPlan ?? (kind === 'plan-required' ? 'premium' : undefined),
    });
  }
}
