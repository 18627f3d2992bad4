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

export interface AdapterErrorInit {
  message?: string;
  status?: number;
  /** conflict: the record as it is on the server now. */
  current?: unknown;
  /** conflict: the server's current version. */
  currentVersion?: number;
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
  readonly currentVersion: number | undefined;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly requiredPlan: Plan | undefined;

  constructor(kind: AdapterErrorKind, init: AdapterErrorInit = {}) {
    super(init.message ?? kind, { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.current = init.current;
    this.currentVersion = init.currentVersion;
    this.fieldErrors = init.fieldErrors ?? {};
    this.requiredPlan = init.requiredPlan;
  }

  /** Whether trying the same call again may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'malformed';
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
