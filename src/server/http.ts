/**
 * The REST contract's HTTP side, on web standards (`Request` in, `Response` out): answers,
 * the error body, and readers that validate every query parameter and body field, so
 * that bad input is a `400` or `422` naming the field, never a stack trace.
 */
import { AdapterError, ERROR_STATUS, errorCode } from '../core/errors.js';

/** A JSON answer. */
export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** The contract's error answer for an `AdapterError`. */
export function errorResponse(error: AdapterError): Response {
  const current = error.current as { version?: unknown } | undefined;
  const status =
    error.status ?? (ERROR_STATUS as Record<string, number>)[error.kind] ?? (error.kind === 'aborted' ? 400 : 500);
  return json(
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
    status || 500,
  );
}

/** A `validation` error naming fields. */
export function invalid(fieldErrors: Record<string, string>, message?: string, status?: number): AdapterError {
  return new AdapterError('validation', {
    message: message ?? Object.values(fieldErrors).join('. '),
    fieldErrors,
    status,
  });
}

export function forbidden(message: string): AdapterError {
  return new AdapterError('forbidden', { message });
}

export function notFound(message: string): AdapterError {
  return new AdapterError('not-found', { message });
}

export function conflict(current: unknown, message: string): AdapterError {
  return new AdapterError('conflict', { current, message });
}

/** ISO 8601 dates (`2026-11-20`) and times (`2026-11-20T10:00:00Z`, with an offset or fractions). */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The longest text any query parameter may hold. */
const MAX_PARAM = 500;

/**
 * A request's query parameters, read and checked one by one; every problem is kept by
 * name, and `done()` throws them all as one `422`.
 */
export class QueryReader {
  readonly errors: Record<string, string> = {};
  readonly #params: URLSearchParams;

  constructor(source: URL | URLSearchParams) {
    this.#params = source instanceof URL ? source.searchParams : source;
  }

  #raw(name: string): string | undefined {
    const values = this.#params.getAll(name);
    if (values.length > 1) {
      this.errors[name] = 'Give this parameter once';
      return undefined;
    }
    const value = values[0];
    if (value === undefined || value === '') return undefined;
    if (value.length > MAX_PARAM) {
      this.errors[name] = `At most ${MAX_PARAM} characters`;
      return undefined;
    }
    return value;
  }

  /** Free text, trimmed of nothing. */
  text(name: string): string | undefined {
    return this.#raw(name);
  }

  /** One of `values`. */
  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.#raw(name);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      this.errors[name] = `One of ${values.join(', ')}`;
      return undefined;
    }
    return value as T;
  }

  /** `true` or `false`. */
  flag(name: string): boolean | undefined {
    const value = this.oneOf(name, ['true', 'false'] as const);
    return value === undefined ? undefined : value === 'true';
  }

  /** A whole number from `min` to `max`; `clampAbove` reads anything larger as `max`. */
  integer(name: string, min: number, max: number, clampAbove = false): number | undefined {
    const value = this.#raw(name);
    if (value === undefined) return undefined;
    const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || (n > max && !clampAbove)) {
      this.errors[name] = `A whole number from ${min} to ${max}`;
      return undefined;
    }
    return Math.min(n, max);
  }

  /** A date or time in ISO 8601, as a UTC instant (`2026-11-20` is its midnight, UTC). */
  instant(name: string): string | undefined {
    const value = this.#raw(name);
    if (value === undefined) return undefined;
    const ms = ISO.test(value) ? Date.parse(value) : NaN;
    if (!Number.isFinite(ms)) {
      this.errors[name] = 'A date or time in ISO 8601, e.g. 2026-11-20 or 2026-11-20T10:00:00Z';
      return undefined;
    }
    return new Date(ms).toISOString();
  }

  /** Comma-separated ids. */
  list(name: string, max = 500): string[] | undefined {
    const value = this.#raw(name);
    if (value === undefined) return undefined;
    const items = value.split(',').filter(Boolean);
    if (items.length > max) {
      this.errors[name] = `At most ${max} values`;
      return undefined;
    }
    return items;
  }

  /** Throws every problem found so far as one `422`. */
  done(): void {
    if (Object.keys(this.errors).length) throw invalid(this.errors);
  }
}

type FieldKind = 'string' | 'boolean' | 'strings' | 'string-or-null' | 'strings-or-null' | 'object' | 'array';

const KIND_CHECK: Record<FieldKind, [(value: unknown) => boolean, string]> = {
  string: [(v) => typeof v === 'string', 'Must be text'],
  boolean: [(v) => typeof v === 'boolean', 'Must be true or false'],
  strings: [(v) => Array.isArray(v) && v.every((s) => typeof s === 'string'), 'Must be a list of texts'],
  'string-or-null': [(v) => v === null || typeof v === 'string', 'Must be text or null'],
  'strings-or-null': [
    (v) => v === null || (Array.isArray(v) && v.every((s) => typeof s === 'string')),
    'Must be a list of texts or null',
  ],
  object: [(v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'Must be an object'],
  array: [(v) => Array.isArray(v), 'Must be a list'],
};

/**
 * A JSON object's fields checked against a shape: each listed field of its kind (required
 * unless marked optional with a trailing `?`), and no field the shape does not list.
 * Problems are named by `prefix` + field.
 */
export function checkFields(
  value: unknown,
  shape: Record<string, FieldKind>,
  prefix = '',
  errors: Record<string, string> = {},
): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors[prefix.replace(/\.$/, '') || 'body'] = 'Must be a JSON object';
    return errors;
  }
  const record = value as Record<string, unknown>;
  const known = new Set(Object.keys(shape).map((k) => k.replace(/\?$/, '')));
  for (const name of Object.keys(record))
    if (!known.has(name)) errors[`${prefix}${name}`] = 'Not a field of this request';
  for (const [spec, kind] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const name = spec.replace(/\?$/, '');
    const field = record[name];
    if (field === undefined) {
      if (!optional) errors[`${prefix}${name}`] = 'Required';
      continue;
    }
    const [ok, message] = KIND_CHECK[kind];
    if (!ok(field)) errors[`${prefix}${name}`] = message;
  }
  return errors;
}

/** The largest body the server reads. */
const MAX_BODY = 256 * 1024;

/** A request's JSON body (`{}` when empty); `400` when it is not JSON or too large. */
export async function readBody(request: Request): Promise<{ value: unknown; text: string }> {
  const text = await request.text();
  if (text.length > MAX_BODY) throw invalid({ body: 'At most 256 KB' }, 'The request body is too large', 413);
  if (!text.trim()) return { value: {}, text: '' };
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch {
    throw invalid({ body: 'Must be JSON' }, 'The request body is not JSON', 400);
  }
}

/** The version an `If-Match` header names (`"3"` or `3`); `428` without one, `422` when it is not a version. */
export function ifMatch(request: Request): number {
  const header = request.headers.get('If-Match');
  if (header === null) throw invalid({ 'If-Match': 'Required' }, 'If-Match is required', 428);
  const match = /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(header);
  if (!match) throw invalid({ 'If-Match': 'A version, e.g. "3"' });
  return Number(match[1]);
}
