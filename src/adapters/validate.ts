/**
 * A tiny runtime shape checker for responses: each check returns the value typed,
 * keeping only the fields it knows, or throws a MalformedResponse naming the path. The
 * path is written only when a check fails: on the way out, each object, array and record
 * puts its step (`.name`, `[3]`) in front, so an answer that passes builds no strings.
 * The combinators have no side effects (`@__NO_SIDE_EFFECTS__`), so a bundle keeps only
 * the checks an element uses.
 */

export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
  /** Where in the answer, as `.items[3].name`; empty for the answer itself. */
  #at = '';
  readonly #problem: string;

  constructor(problem: string) {
    super(`response: ${problem}`);
    this.#problem = problem;
  }

  /** The same error one step further out: `step` (`.name`, `[3]`, or the answer's name) goes in front. */
  under(step: string): this {
    this.#at = step + this.#at;
    this.message = `${this.#at.replace(/^\./, '') || 'response'}: ${this.#problem}`;
    return this;
  }
}

export type Check<T> = (value: unknown) => T;
export type Checked<C> = C extends Check<infer T> ? T : never;

/**
 * `check` over an answer: its value, or a MalformedResponse whose message names the path
 * from `name` (`getViewer()`; none for a bare body, which reads `items[3].name`).
 */
export function checkAnswer<T>(check: Check<T>, value: unknown, name = ''): T {
  try {
    return check(value);
  } catch (error) {
    throw placed(error, name);
  }
}

/** `error`, placed one step further out if it is a failed check. */
const placed = (error: unknown, step: string): unknown =>
  error instanceof MalformedResponse ? error.under(step) : error;

function fail(expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new MalformedResponse(`expected ${expected}, got ${got}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const string: Check<string> = (v) => (typeof v === 'string' ? v : fail('string', v));
export const boolean: Check<boolean> = (v) => (typeof v === 'boolean' ? v : fail('boolean', v));
export const number: Check<number> = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? v : fail('finite number', v);
export const integer: Check<number> = (v) => (Number.isSafeInteger(v) ? (v as number) : fail('integer', v));

/* @__NO_SIDE_EFFECTS__ */
export function literal<const T extends string>(values: readonly T[]): Check<T> {
  return (v) => (values.includes(v as T) ? (v as T) : fail(values.join(' | '), v));
}

/* @__NO_SIDE_EFFECTS__ */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v) => (v === null || v === undefined ? null : check(v));
}

/* @__NO_SIDE_EFFECTS__ */
export function record<T>(check: Check<T>): Check<Record<string, T>> {
  return (v) => {
    if (!isObject(v)) fail('object', v);
    return Object.fromEntries(
      Object.entries(v).map(([key, item]) => {
        try {
          return [key, check(item)];
        } catch (error) {
          throw placed(error, `.${key}`);
        }
      }),
    );
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function array<T>(check: Check<T>): Check<T[]> {
  return (v) => {
    if (!Array.isArray(v)) fail('array', v);
    return v.map((item, i) => {
      try {
        return check(item);
      } catch (error) {
        throw placed(error, `[${i}]`);
      }
    });
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function object<S extends Record<string, Check<unknown>>>(shape: S): Check<{ [K in keyof S]: Checked<S[K]> }> {
  const fields = Object.entries(shape);
  return (v) => {
    if (!isObject(v)) fail('object', v);
    const out: Record<string, unknown> = {};
    for (const [key, check] of fields) {
      try {
        out[key] = check(v[key]);
      } catch (error) {
        throw placed(error, `.${key}`);
      }
    }
    return out as { [K in keyof S]: Checked<S[K]> };
  };
}

/** A union discriminated by a string field. */
/* @__NO_SIDE_EFFECTS__ */
export function union<K extends string, M extends Record<string, Check<unknown>>>(
  key: K,
  members: M,
): Check<Checked<M[keyof M]>> {
  return (v) => {
    const tag = isObject(v) ? v[key] : undefined;
    const check = typeof tag === 'string' && Object.hasOwn(members, tag) ? members[tag] : undefined;
    if (check) return check(v) as Checked<M[keyof M]>;
    try {
      return fail(Object.keys(members).join(' | '), tag);
    } catch (error) {
      throw placed(error, `.${key}`);
    }
  };
}
