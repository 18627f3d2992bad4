import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { CursorPage } from '../core/types.js';
import type { QueryTerm } from '../policy/report-query.js';
import { DeskguardElement } from './deskguard-element.js';
import { faultRegion, refusalRegion } from './fault-region.js';
import { count, msg, str } from './localize.js';
import { frameStyles, type ReportFrame } from './report-frame.js';
import { reportStyles } from './report-styles.js';

/** What a report says of itself, in the viewer's language. */
export interface ReportWords {
  title: string;
  description: string;
  /** Why a viewer whose group lacks the report sees nothing of it, and whom to ask. */
  forbidden: string;
  /** The preset filter's button. */
  preset: string;
  loading: string;
  failed: string;
  /** Why nothing is listed: nothing matches the filters, or there is nothing yet. */
  noMatch: string;
  none: string;
  /** The table's caption: "Entries 1–25 of 300". */
  caption(first: string, last: string, total: string): string;
}

/** One column of a report's table: its header, and the field it sorts by (none: it does not sort), first in `first` order. */
export interface ReportColumn {
  label: string;
  sort?: string;
  first?: 'asc' | 'desc';
}

/** A log kept for a while says how long, and from when its oldest entry is. */
type KeptPage = CursorPage<unknown> & { retentionDays?: number; oldestAt?: string | null };

/**
 * What the reports share: the state a host keeps in its URL (`query`, `sort`,
 * `direction`) and the page size, the frame (filters, chips, paging, exports), the
 * refusal when the viewer's group lacks the report, the failed load with its way
 * forward, the count, the empty states and the table. A report gives its frame, its
 * words, its columns and how it draws a row.
 */
export abstract class ReportElement<F, T> extends DeskguardElement {
  static override styles = [...DeskguardElement.styles, reportStyles, frameStyles];
  static override properties: PropertyDeclarations = {
    query: { reflect: true },
    sort: { reflect: true },
    direction: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
  };
  /**
   * What another element on the page changes in a report: someone's access (who is former
   * staff, and so the rows' flags), the groups (whether the viewer may see the report), the
   * masking switch and the override list (whether contacts show).
   */
  static override refreshOn: readonly string[] = [
    'staff-access-change',
    'permission-groups-change',
    'masking-change',
    'overrides-saved',
  ];

  /** The filter, in the query syntax; the host may keep it in its URL and set it back. */
  query = '';
  /** The column the rows are ordered by. */
  sort = 'at';
  direction: 'asc' | 'desc' = 'desc';
  /** Rows per page. */
  pageSize = 25;

  protected abstract readonly frame: ReportFrame<F, T>;
  /** The filter the report's preset button adds. */
  protected abstract readonly preset: QueryTerm;
  protected abstract words(): ReportWords;
  protected abstract columns(): ReportColumn[];
  /** One row of the table; `labels` name its cells on a narrow screen. */
  protected abstract row(item: T, labels: string[]): TemplateResult;

  /** Loads the current page again. */
  async reload(): Promise<void> {
    await this.frame.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.frame.hostChanged(changed);
  }

  protected override adapterChanged(): void {
    this.frame.restart();
  }

  /** What the report shows under its table (the report an access opened, say). */
  protected renderBelow(): unknown {
    return nothing;
  }

  protected override render(): TemplateResult {
    const words = this.words();
    return this.card({ title: words.title, description: words.description, busy: this.frame.loading.pending }, () =>
      this.#renderBody(words),
    );
  }

  #renderBody(words: ReportWords): TemplateResult {
    const frame = this.frame;
    const error = frame.loading.error;
    const reload = () => void this.reload();
    if (error?.kind === 'forbidden') return refusalRegion(words.forbidden, reload);
    const page = frame.page;
    const loading = frame.loading.pending;
    const kept = page && !loading ? this.#kept(page) : '';
    // The caption over the table shows the count: the status announces it, and shows only how
    // long the log is kept (a status with nothing to show takes no room).
    return html`
      ${frame.filters(frame.preset(this.preset, words.preset))} ${frame.exportNotice()}
      <p part="count" role="status" class=${loading || kept ? 'muted' : 'visually-hidden'}>
        ${loading ? words.loading : page ? html`<span class="visually-hidden">${frame.rows(page.total)}.</span> ${kept}` : ''}
      </p>
      ${error ? faultRegion(error, { lead: words.failed, retry: reload }) : nothing}
      ${page ? this.#renderTable(page, words) : nothing} ${this.renderBelow()}
    `;
  }

  /** For a log kept a while: how long, and the oldest kept. */
  #kept(page: KeptPage): string {
    if (page.retentionDays === undefined) return '';
    const days = count(this, page.retentionDays);
    const oldest = page.oldestAt ? this.frame.when(page.oldestAt) : '—';
    return msg(str`Kept for ${days} days; the oldest is from ${oldest}.`);
  }

  #renderTable(page: CursorPage<T>, words: ReportWords): TemplateResult {
    const frame = this.frame;
    if (!page.items.length) return frame.empty(words.noMatch, words.none);
    const columns = this.columns();
    const labels = columns.map((c) => c.label);
    const first = count(this, frame.start + 1);
    const last = count(this, frame.start + page.items.length);
    return html`
      <div class="scroll">
        <table part="table" aria-busy=${frame.loading.pending}>
          <caption>
            ${words.caption(first, last, count(this, page.total))}
          </caption>
          <thead>
            <tr>
              ${columns.map((c) => frame.header(c.label, c.sort ?? null, c.first))}
            </tr>
          </thead>
          <tbody>
            ${page.items.map((item) => this.row(item, labels))}
          </tbody>
        </table>
      </div>
      ${frame.pager(page)}
    `;
  }
}
