/**
 * The query syntax every report's filter box reads, in the manner of GitHub's audit log:
 * `type:client-alert staff:"Tom Okafor" action:signed-in created:>=2026-11-01`. Each
 * `key:value` is a filter (a value with spaces in double quotes; `>=`, `<=`, `>` or `<`
 * before a value compares); anything else is free text. Pure: the elements map terms to
 * a backend's parameters and say what they could not read.
 */

export type QueryOperator = '' | '>=' | '<=' | '>' | '<';

/** One `key:value` filter. */
export interface QueryTerm {
  key: string;
  op: QueryOperator;
  value: string;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Words that are not `key:value`, in order. */
  words: string[];
}

const OPERATORS: readonly QueryOperator[] = ['>=', '<=', '>', '<'];

/** Reads a quoted value (`"…"`, `\"` for a quote inside) or a run up to the next space, from `at`. */
function readValue(input: string, at: number): [string, number] {
  if (input[at] !== '"') {
    let end = at;
    while (end < input.length && !/\s/.test(input[end]!)) end++;
    return [input.slice(at, end), end];
  }
  let value = '';
  let i = at + 1;
  for (; i < input.length && input[i] !== '"'; i++) {
    if (input[i] === '\\' && i + 1 < input.length) i++;
    value += input[i];
  }
  return [value, i + 1];
}

/** Splits a query into its filters and free words; never throws, whatever the text. */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const words: string[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    const key = /^([a-z][\w-]*):/i.exec(input.slice(i, i + 64));
    if (key) {
      i += key[0].length;
      const op = OPERATORS.find((o) => input.startsWith(o, i)) ?? '';
      i += op.length;
      const [value, end] = readValue(input, i);
      terms.push({ key: key[1]!.toLowerCase(), op, value });
      i = end;
    } else {
      const [word, end] = readValue(input, i);
      if (word) words.push(word);
      i = end;
    }
  }
  return { terms, words };
}

/**
 * A term as it is typed: quoted when the value has a space or a quote, is empty, or starts
 * like a comparison (`<`, `>`, `=`), which would read back as an operator.
 */
export function formatTerm({ key, op, value }: QueryTerm): string {
  const quoted = value === '' || /[\s"]|^[<>=]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
  return `${key}:${op}${quoted}`;
}

/** Terms back as one query; `parseQuery(formatQuery(terms)).terms` gives `terms` again. */
export function formatQuery(terms: readonly QueryTerm[]): string {
  return terms.map(formatTerm).join(' ');
}

/**
 * A date term (`created:>=2026-11-01`) as a half-open range of days `[from, to)` in
 * `YYYY-MM-DD`, which compares as text with ISO 8601 instants; `undefined` for a value
 * that is not a calendar date.
 */
export function dayRange(op: QueryOperator, value: string): { from?: string; to?: string } | undefined {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00Z`) : NaN;
  // Date.parse rolls 2026-02-30 over to March: a day that does not exist reads back differently.
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== value) return undefined;
  const next = new Date(start + 86_400_000).toISOString().slice(0, 10);
  return op === '>='
    ? { from: value }
    : op === '>'
      ? { from: next }
      : op === '<'
        ? { to: value }
        : op === '<='
          ? { to: next }
          : { from: value, to: next };
}
