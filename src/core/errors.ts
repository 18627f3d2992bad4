import type { Plan } from './types.js';

/** What went wrong, in terms a component can act on. */
export type AdapterErrorKind =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'validation'
  | 'plan-required'
  | 'server'
  | 'malformed';

/**
 * The one table of error kinds and HTTP statuses: what a backend answers for each kind
 * (the memory backend and the mock), and so what the REST adapter reads back. `0` is no
 * answer at all; `malformed` is a 2xx whose body is off the contract.
 */
export const ERROR_STATUS = {
  network: 0,
  timeout: 0,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  validation: 422,
  'plan-required': 403,
  server: 500,
  malformed: 200,
} as const satisfies Record<Exclude<AdapterErrorKind, 'aborted'>, number>;

/** The `code` of an error body for a kind (`plan_required`, `not_found`). */
export function errorCode(kind: AdapterErrorKind): string {
  return kind.replace(/-/g, '_');
}

/**
 * The kind a REST answer's status (and body `code`) stands for: the table read
 * backwards, with the other statuses the contract names (400, 428, 412, 408, 504).
 */
export function kindOfStatus(status: number, code?: string): AdapterErrorKind {
  if (status === 403 && code === errorCode('plan-required')) return 'plan-required';
  if (status === 400 || status === 428) return 'validation';
  if (status === 412) return 'conflict';
  if (status === 408 || status === 504) return 'timeout';
  const kind = (Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]).find(
    (k) => ERROR_STATUS[k] === status && status >= 400,
  );
  return kind ?? 'server';
}

export interface AdapterErrorInit {
  message?: string;
  /** The HTTP status, when the error came from (or goes to) HTTP. */
  status?: number;
  /** conflict: the record as it is on the server now. */
  current?: unknown;
  /** validation: messages by field name. */
  fieldErrors?: Record<string, string>;
  /** plan-required: the plan the action needs. */
  requiredPlan?: Plan;
  cause?: unknown;
}

/** The one error type every adapter call rejects with. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly kind: AdapterErrorKind;
  readonly status: number | undefined;
  readonly current: unknown;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly requiredPlan: Plan | undefined;

  constructor(kind: AdapterErrorKind, init: AdapterErrorInit = {}) {
    super(init.message ?? kind, { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.current = init.current;
    this.fieldErrors = init.fieldErrors ?? {};
    this.requiredPlan = init.requiredPlan;
  }
}

/** Normalises anything thrown by an adapter into an AdapterError. */
export function toAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AdapterError('aborted', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new AdapterError('timeout', { cause: error });
  }
  return new AdapterError('server', {
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
