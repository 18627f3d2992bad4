import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { DeskguardAdapter } from '../core/adapter.js';
import type { CursorPage, ReportExport } from '../core/types.js';
import { dayRange, formatQuery, formatTerm, parseQuery, type QueryTerm } from '../policy/report-query.js';
import { AdapterCall, type CallHost } from './adapter-call.js';
import { Loader } from './loader.js';
import { faultRegion } from './fault-region.js';
import { formatWhen, localeOf, msg, str } from './localize.js';
import { filterWords } from './report-words.js';

/** What a report element gives its frame: the URL-able state it reflects, and its adapter. */
export interface FrameHost extends CallHost, HTMLElement {
  query: string;
  sort: string;
  direction: 'asc' | 'desc';
  pageSize: number;
}

/** The order a report asks the backend for, and where a page starts. */
export interface FrameQuery {
  sort: string;
  direction: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export interface FrameOptions<F, T> {
  /** What a query's terms ask the backend for, and the terms it cannot read. */
  filterOf(terms: readonly QueryTerm[]): { filter: F; wrong: QueryTerm[] };
  list(adapter: DeskguardAdapter, query: F & FrameQuery, signal: AbortSignal): Promise<CursorPage<T>>;
  exportFile(
    adapter: DeskguardAdapter,
    query: F & FrameQuery,
    format: 'csv' | 'json',
    signal: AbortSignal,
  ): Promise<ReportExport>;
  /** Staff changed the filter or the order: the element tells the host. */
  changed(): void;
  /** A number of rows in words: "3 logs". */
  rows(n: number): string;
  /** The qualifiers the filter box reads, and an example query, for its help. */
  keys: string;
  example: string;
}

/** A page of a report: where it starts, by the backend's cursor (the first page has none), and its first row's number. */
interface PageAsked {
  cursor?: string | undefined;
  start: number;
}

/** What a report's page is loaded with: the element's query, order and page size, and the page asked for. */
type FrameArgs = [query: string, sort: string, direction: 'asc' | 'desc', pageSize: number, asked: PageAsked];

/** The frame's own styles: the filter box, the toolbar with presets and exports, chips, a cell's second line. */
export const frameStyles = css`
  p {
    margin: 0;
  }

  p[role='status']:empty,
  .field-error:empty {
    display: none;
  }

  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
    flex: 1 1 100%;
  }

  .query {
    display: flex;
    gap: var(--_space-2);
  }

  .query input {
    flex: 1;
    min-inline-size: 0;
    font-family: var(--_font-mono, ui-monospace, monospace);
  }

  /* A filter breaks between its terms, and inside one only when it fits no line. */
  code {
    font-size: var(--_font-size-small);
    overflow-wrap: break-word;
  }

  /* "created:>=2026-11-01" is one term: it moves to the next line whole, and breaks only
     where it is wider than a line. */
  .term {
    display: inline-block;
    max-inline-size: 100%;
  }

  /* The presets on one side, the exports on the other. */
  .toolbar {
    flex: 1 1 100%;
  }

  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='chip'] {
    border-radius: var(--_radius-pill);
    background: var(--_subtle);
  }

  [aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  /* A header and its sort arrow stay on one line. */
  button.sort {
    white-space: nowrap;
  }

  /* A cell's second line: a contact, an alert's text, a location, a kind of person. */
  .line {
    display: block;
  }
`;

/** A local day (`YYYY-MM-DD`) as the instant it starts, for the backend. */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();

/** A `created:` term as the viewer's days; `undefined` for a value that is not a day. */
function createdRange(term: QueryTerm): { from?: string; to?: string } | undefined {
  const range = dayRange(term.op, term.value);
  if (!range) return undefined;
  return { ...(range.from && { from: startOf(range.from) }), ...(range.to && { to: startOf(range.to) }) };
}

/**
 * What a query asks a report's backend for, and the terms the report cannot read.
 * `read` gives what one plain term (`key:value`, no comparison) asks for, or nothing
 * when the report does not read it; every report reads `created:` as the viewer's days.
 */
export function readFilter<F>(
  terms: readonly QueryTerm[],
  read: (key: string, value: string) => Partial<F> | undefined,
): { filter: F; wrong: QueryTerm[] } {
  const filter = {} as F;
  const wrong: QueryTerm[] = [];
  for (const term of terms) {
    const plain = !term.op && term.value !== '';
    const part = term.key === 'created' ? createdRange(term) : plain ? read(term.key, term.value) : undefined;
    if (part) Object.assign(filter as object, part);
    else wrong.push(term);
  }
  return { filter, wrong };
}

/**
 * The frame every report stands in: a filter box that reads the query syntax, removable
 * chips, backend paging by cursor with the count, sorting by column headers, and exports
 * the backend makes. The element keeps `query`, `sort` and `direction` as attributes (the
 * state a host keeps in its URL), calls `hostChanged` from `willUpdate`, and draws its own
 * table between the frame's pieces.
 */
export class ReportFrame<F, T> {
  page: CursorPage<T> | undefined;
  /** What staff typed in the filter box, kept whatever happens to it. */
  draft = '';
  /** Terms of the draft the report cannot read. */
  wrong: QueryTerm[] = [];
  exported: ReportExport | undefined;
  /** Where the page shown starts. */
  start = 0;
  readonly loading: Loader<CursorPage<T>, FrameArgs>;
  readonly exporting: AdapterCall;
  /** The page asked for last: after a failed next page, "Try again" asks for it again. */
  #asked: PageAsked = { start: 0 };
  /** The format of the last export asked for: the one its "Try again" makes. */
  #format: 'csv' | 'json' = 'csv';
  readonly #host: FrameHost;
  readonly #options: FrameOptions<F, T>;

  constructor(host: FrameHost, options: FrameOptions<F, T>) {
    this.#host = host;
    this.#options = options;
    this.loading = new Loader(host, {
      args: () => [host.query, host.sort, host.direction, host.pageSize, this.#asked],
      ready: () => !options.filterOf(this.terms()).wrong.length,
      load: (adapter, [, sort, direction, limit, { cursor }], signal) =>
        options.list(adapter, { ...options.filterOf(this.terms()).filter, sort, direction, cursor, limit }, signal),
      loaded: (page, [, , , , { start }]) => {
        this.start = start;
        this.page = page;
        host.requestUpdate();
      },
    });
    this.exporting = new AdapterCall(host);
  }

  terms(): QueryTerm[] {
    return parseQuery(this.#host.query).terms;
  }

  /**
   * From the element's `willUpdate`: a new filter, order or page size, from staff or the
   * host, starts again at the first page (the loader sees the change and loads it).
   */
  hostChanged(changed: PropertyValues): void {
    if (changed.has('query')) {
      this.draft = this.#host.query;
      this.wrong = this.#options.filterOf(this.terms()).wrong;
    }
    if (['query', 'sort', 'direction', 'pageSize'].some((k) => changed.has(k))) this.restart();
  }

  /** The next load asks for the first page (another adapter may be another viewer, whose cursors differ). */
  restart(): void {
    this.#asked = { start: 0 };
  }

  /**
   * Loads the page at `cursor` (the first without one), which starts at row `start`; by
   * default the page asked for last (the one shown, or the one that failed to load).
   */
  async load(asked = this.#asked): Promise<void> {
    this.#asked = asked;
    await this.loading.reload();
  }

  /** Applies a filter or an order staff chose: the URL-able state changes, the host hears it, the first page loads. */
  apply(query: string, sort = this.#host.sort, direction = this.#host.direction): void {
    const { terms, words } = parseQuery(query);
    this.draft = query;
    this.wrong = [
      ...this.#options.filterOf(terms).wrong,
      ...words.map((value) => ({ key: '', op: '' as const, value })),
    ];
    this.#host.requestUpdate();
    if (this.wrong.length) return;
    Object.assign(this.#host, { query: formatQuery(terms), sort, direction });
    this.#options.changed();
  }

  /** The query without one of its terms. */
  without(term: QueryTerm): string {
    return formatQuery(this.terms().filter((t) => formatTerm(t) !== formatTerm(term)));
  }

  async export(format: 'csv' | 'json'): Promise<void> {
    const { filter } = this.#options.filterOf(this.terms());
    const { sort, direction } = this.#host;
    this.exported = undefined;
    this.#format = format;
    const result = await this.exporting.run((adapter, signal) =>
      this.#options.exportFile(adapter, { ...filter, sort, direction }, format, signal),
    );
    if (!result?.ok) return;
    const file = result.value;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
    link.download = file.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
    this.exported = file;
    this.#host.requestUpdate();
  }

  /** A number of rows in the report's words: "3 logs". */
  rows(n: number): string {
    return this.#options.rows(n);
  }

  /** A preset: a button that adds one term to the query, or takes it out, and says whether it is in. */
  preset(term: QueryTerm, label: string): TemplateResult {
    const on = this.terms().some((t) => formatTerm(t) === formatTerm(term));
    return html`<button
      part="button"
      type="button"
      aria-pressed=${on}
      @click=${() => this.apply(on ? this.without(term) : `${this.#host.query} ${formatTerm(term)}`.trim())}
    >
      ${label}
    </button>`;
  }

  /** The filter box, the presets the report offers, the exports and the chips of the filters in use. */
  filters(presets: unknown): TemplateResult {
    const terms = this.terms();
    const wrong = this.wrong;
    return html`<div part="filters" class="filters">
      <form
        role="search"
        @submit=${(e: Event) => {
          e.preventDefault();
          this.apply(this.draft);
        }}
      >
        <label for="query">${msg('Filter')}</label>
        <div class="query">
          <input
            id="query"
            type="search"
            autocomplete="off"
            spellcheck="false"
            .value=${this.draft}
            aria-describedby="query-help query-error"
            aria-invalid=${wrong.length > 0}
            @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
          />
          <button part="button" type="submit">${msg('Apply')}</button>
        </div>
        <p id="query-help" class="muted">
          ${msg('For example:')}
          <code translate="no" dir="ltr"
            >${this.#options.example.split(' ').map((term, i) => html`${i ? ' ' : ''}<span class="term">${term}</span>`)}</code
          >
        </p>
        <p id="query-error" class="field-error">
          ${
            wrong.length
              ? html`${msg('Not a filter this report reads:')}
                  <code translate="no">${wrong.map((t) => (t.key ? formatTerm(t) : t.value)).join(' ')}</code>.
                  ${msg('It reads:')} <code translate="no">${this.#options.keys}</code>`
              : nothing
          }
        </p>
      </form>
      <div class="actions toolbar">
        ${presets}
        <span class="exports">
          ${(['csv', 'json'] as const).map(
            (format) =>
              html`<button
                part="button"
                type="button"
                aria-disabled=${this.exporting.pending}
                ?disabled=${this.page?.total === 0}
                @click=${() => !this.exporting.pending && this.export(format)}
              >
                ${msg('Export')} <span translate="no">${format.toUpperCase()}</span>
              </button>`,
          )}
        </span>
      </div>
      ${
        terms.length
          ? html`<ul class="chips" aria-label=${msg('Filters in use')}>
              ${terms.map(
                (t) =>
                  html`<li>
                    <button
                      part="button chip"
                      type="button"
                      title=${formatTerm(t)}
                      aria-label=${msg(str`Remove filter: ${filterWords(this.#host, t)}`)}
                      @click=${() => this.apply(this.without(t))}
                    >
                      <span dir="auto">${filterWords(this.#host, t)}</span>
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** What an export did, and a failed one with its way forward. */
  exportNotice(): TemplateResult {
    const file = this.exported;
    const error = this.exporting.error;
    return html`<p part="notice" role="status" class="muted">
        ${
          this.exporting.pending
            ? msg('Preparing the file…')
            : file
              ? msg(str`Exported ${this.#options.rows(file.rows)} to ${file.filename}.`)
              : ''
        }
      </p>
      ${
        error
          ? faultRegion(error, {
              lead: msg('The file could not be made.'),
              retry: () => void this.export(this.#format),
              // A refused export: the table is read again, and the refusal goes with the file it was about.
              reload: () => {
                this.exporting.clear();
                void this.load();
              },
            })
          : nothing
      }`;
  }

  /** A column header; with a field, a button that sorts by it (the first press in `first` order). */
  header(label: string, field: string | null, first: 'asc' | 'desc' = 'asc'): TemplateResult {
    if (!field) return html`<th scope="col">${label}</th>`;
    const { sort, direction } = this.#host;
    const sorted = sort === field;
    const next = sorted ? (direction === 'desc' ? 'asc' : 'desc') : first;
    return html`<th scope="col" aria-sort=${sorted ? (direction === 'asc' ? 'ascending' : 'descending') : nothing}>
      <button part="button" type="button" class="sort" @click=${() => this.apply(this.#host.query, field, next)}>
        ${label}<span aria-hidden="true">${sorted ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>`;
  }

  /**
   * Previous and next page, by the backend's cursors: of the report's own pages, or with
   * `open`, of another paged table it shows.
   */
  pager(
    page: CursorPage<unknown>,
    open = (cursor: string | undefined, at: number) => void this.load({ cursor, start: at }),
  ): TemplateResult {
    const start = this.start;
    const go = (cursor: string | null, at: number) => open(cursor ?? undefined, Math.max(0, at));
    return html`<div part="pager" class="actions">
      <button
        part="button"
        type="button"
        ?disabled=${!page.previous}
        @click=${() => go(page.previous, start - this.#host.pageSize)}
      >
        ${msg('Previous page')}
      </button>
      <button
        part="button"
        type="button"
        ?disabled=${!page.next}
        @click=${() => go(page.next, start + page.items.length)}
      >
        ${msg('Next page')}
      </button>
    </div>`;
  }

  /** A time as the report shows it, in the viewer's language. */
  when(iso: string): string {
    return formatWhen(localeOf(this.#host), new Date(iso));
  }

  /** Why nothing is listed: nothing matches these filters (with a way to clear them), or there is nothing yet. */
  empty(noMatch: string, none: string): TemplateResult {
    return this.terms().length
      ? html`<p part="notice" class="empty">
          ${noMatch}
          <button part="button" type="button" @click=${() => this.apply('')}>${msg('Clear filters')}</button>
        </p>`
      : html`<p part="notice" class="empty">${none}</p>`;
  }
}
