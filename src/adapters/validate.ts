/**
 * A tiny runtime shape checker for responses: each check returns the value typed,
 * keeping only the fields it knows, or throws a MalformedResponse naming the path. The
 * combinators have no side effects (`@__NO_SIDE_EFFECTS__`), so a bundle keeps only the
 * checks an element uses.
 */

export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
}

export type Check<T> = (value: unknown, path: string) => T;
export type Checked<C> = C extends Check<infer T> ? T : never;

function fail(path: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new MalformedResponse(`${path || 'response'}: expected ${expected}, got ${got}`);
}

export const string: Check<string> = (v, p) => (typeof v === 'string' ? v : fail(p, 'string', v));
export const boolean: Check<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'boolean', v));
export const number: Check<number> = (v, p) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail(p, 'finite number', v);
export const integer: Check<number> = (v, p) => (Number.isSafeInteger(v) ? (v as number) : fail(p, 'integer', v));

/* @__NO_SIDE_EFFECTS__ */
export function literal<const T extends string>(values: readonly T[]): Check<T> {
  return (v, p) => (values.includes(v as T) ? (v as T) : fail(p, values.join(' | '), v));
}

/* @__NO_SIDE_EFFECTS__ */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, p) => (v === null || v === undefined ? null : check(v, p));
}

/* @__NO_SIDE_EFFECTS__ */
export function record<T>(check: Check<T>): Check<Record<string, T>> {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'object', v);
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, check(item, `${p}.${k}`)]));
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function array<T>(check: Check<T>): Check<T[]> {
  return (v, p) => (Array.isArray(v) ? v.map((item, i) => check(item, `${p}[${i}]`)) : fail(p, 'array', v));
}

/* @__NO_SIDE_EFFECTS__ */
export function object<S extends Record<string, Check<unknown>>>(shape: S): Check<{ [K in keyof S]: Checked<S[K]> }> {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'object', v);
    const source = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) out[key] = check(source[key], p ? `${p}.${key}` : key);
    return out as { [K in keyof S]: Checked<S[K]> };
  };
}

/** A union discriminated by a string field. */
/* @__NO_SIDE_EFFECTS__ */
export function union<K extends string, M extends Record<string, Check<unknown>>>(
  key: K,
  members: M,
): Check<Checked<M[keyof M]>> {
  return (v, p) => {
    const tag = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    const check = typeof tag === 'string' && Object.hasOwn(members, tag) ? members[tag] : undefined;
    return check
      ? (check(v, p) as Checked<M[keyof M]>)
      : fail(p ? `${p}.${key}` : key, Object.keys(members).join(' | '), tag);
  };
}
