/**
 * How the contract kit talks to a backend: requests as each viewer, answers checked
 * against the contract's shapes and error bodies, and a record of what each viewer
 * received for the leak scan. Every check is written with these.
 */
import { errorBodySchema } from '../adapters/schemas.js';
import { checkAnswer, type Check } from '../adapters/validate.js';
import type { ContractCheck, ContractEndpoint, ContractOptions } from './index.js';

/** Who a request is from: one of the kit's viewers, or the headers of a session it signed in with. */
export type Viewer = 'admin' | 'masked' | 'unprivileged' | 'nobody' | { name: string; headers: Record<string, string> };

export interface Answer {
  /** `METHOD /path?query as viewer`, for messages. */
  call: string;
  status: number;
  text: string;
  json: unknown;
}

/** A problem found by a check: stops the check, and the report names it. */
export class Problem extends Error {}

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

export class Harness {
  readonly checks: ContractCheck[] = [];
  /** What each viewer received, for the leak scan. */
  readonly answers: { viewer: Viewer; text: string; call?: string }[] = [];
  /** Every raw contact the admin received: what the masked viewer must never receive. */
  readonly raw = new Set<string>();
  readonly maxPages: number;
  #serial = 0;
  readonly #base: string;
  readonly #fetch: typeof fetch;

  constructor(readonly options: ContractOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? fetch;
    this.maxPages = options.maxPages ?? 20;
  }

  /** A fresh Idempotency-Key (and a unique name) for one write. */
  key = (what: string): string => `deskguard-contract-${what}-${Date.now().toString(36)}-${(this.#serial += 1)}`;

  /** Problems for each masked answer from `from` on that holds a raw contact. */
  leaks = (from: number): string[] =>
    this.answers.slice(from).flatMap((answer) => {
      if (answer.viewer !== 'masked' && answer.viewer !== 'unprivileged') return [];
      const text = answer.text.toLowerCase();
      return [...this.raw]
        .filter((value) => text.includes(value.toLowerCase()))
        .map((value) => `${answer.call ?? 'a list page as masked'}: the answer holds the raw contact "${value}"`);
    });

  #headersOf(viewer: Viewer): Record<string, string> {
    if (typeof viewer === 'object') return viewer.headers;
    if (viewer === 'nobody') return this.options.viewers.signedOut ?? {};
    if (viewer === 'unprivileged') {
      if (!this.options.viewers.unprivileged)
        throw new Problem('no unprivileged viewer given: pass the headers of a front-desk login (--unprivileged)');
      return this.options.viewers.unprivileged;
    }
    return this.options.viewers[viewer];
  }

  call = async (
    viewer: Viewer,
    method: Method,
    path: string,
    init: { body?: unknown; version?: number; key?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    Object.assign(headers, this.#headersOf(viewer), init.headers);
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.version !== undefined) headers['If-Match'] = `"${init.version}"`;
    if (init.key) headers['Idempotency-Key'] = init.key;
    const callName = `${method} ${path} as ${typeof viewer === 'object' ? viewer.name : viewer}`;
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(`${this.#base}${path}`, {
        method,
        headers,
        body:
          init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      });
      text = await response.text();
    } catch (error) {
      throw new Problem(`${callName}: no answer (${String(error)})`);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { call: callName, status: response.status, text, json };
  };

  /** The answer's body checked against its shape; a problem names the call. */
  shaped = <T>(answer: Answer, check: Check<T>, statuses = [200, 201]): T => {
    if (!statuses.includes(answer.status))
      throw new Problem(
        `${answer.call} answered ${answer.status}, not ${statuses.join(' or ')}: ${answer.text.slice(0, 200)}`,
      );
    try {
      return checkAnswer(check, answer.json);
    } catch (error) {
      throw new Problem(`${answer.call}: the answer is off the contract's shape: ${(error as Error).message}`);
    }
  };

  /** An error answer in the contract's shape with one of the statuses and the code. */
  failure = (
    answer: Answer,
    statuses: number[],
    code: string,
  ): { current?: unknown; fields?: Record<string, string> | null } => {
    if (!statuses.includes(answer.status))
      throw new Problem(
        `${answer.call} answered ${answer.status}, not ${statuses.join(' or ')} (${code}): ${answer.text.slice(0, 200)}`,
      );
    let body;
    try {
      body = errorBodySchema(answer.json).error;
    } catch (error) {
      throw new Problem(`${answer.call}: the error body is off the contract's shape: ${(error as Error).message}`);
    }
    if (body.code !== code) throw new Problem(`${answer.call}: error code "${body.code}", not "${code}"`);
    return body as { current?: unknown; fields?: Record<string, string> | null };
  };

  /** Runs one check; a problem thrown stops it and is reported with those pushed before. */
  check = async (
    name: string,
    endpoints: ContractEndpoint[],
    body: (problems: string[]) => Promise<void>,
  ): Promise<void> => {
    const problems: string[] = [];
    try {
      await body(problems);
    } catch (error) {
      problems.push(error instanceof Problem ? error.message : `unexpected: ${String(error)}`);
    }
    this.checks.push({ name, endpoints, problems });
  };

  /** Every page of an offset list, up to `maxPages` of 100. */
  pages = async <T>(viewer: Viewer, path: string, schema: Check<{ items: T[]; total: number }>): Promise<T[]> => {
    const items: T[] = [];
    const join = path.includes('?') ? '&' : '?';
    for (let page = 0; page < this.maxPages; page++) {
      const answer = this.shaped(
        await this.call(viewer, 'GET', `${path}${join}offset=${page * 100}&limit=100`),
        schema,
      );
      items.push(...answer.items);
      this.answers.push({ viewer, text: JSON.stringify(answer) });
      if ((page + 1) * 100 >= answer.total || !answer.items.length) break;
    }
    return items;
  };

  /** Keeps an answer for the leak scan. */
  keep = (viewer: Viewer, answer: Answer): Answer => {
    this.answers.push({ viewer, text: answer.text, call: answer.call });
    return answer;
  };
}
