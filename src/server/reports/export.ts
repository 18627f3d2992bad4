/** A report's rows as the file a viewer exports, recorded as `report.exported`. */
import type { ReportExport, SensitiveReport } from '../../core/types.js';
import { toCsv } from '../../policy/csv.js';
import type { RequestContext } from '../context.js';
import { recordAccess } from './paging.js';

/** The most rows one export holds: more is `422`, asking for narrower filters. */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * The file: JSON as the list answers the rows, or CSV with `header` and a row of `cells`
 * per entry, every cell safe to open in a spreadsheet. Answered only once the export is
 * on record.
 */
export async function exportFile<T>(
  ctx: RequestContext,
  options: {
    report: SensitiveReport;
    filters: Record<string, string>;
    masked: boolean;
    format: 'csv' | 'json';
    entries: T[];
    header: string[];
    cells: (entry: T) => string[];
  },
): Promise<ReportExport> {
  const { report, format, entries } = options;
  await recordAccess(ctx, {
    report,
    filters: options.filters,
    masked: options.masked,
    export: { format, rows: entries.length },
  });
  const filename = `${report}-${ctx.iso().slice(0, 10)}.${format}`;
  return format === 'json'
    ? { filename, contentType: 'application/json', content: JSON.stringify(entries, null, 2), rows: entries.length }
    : {
        filename,
        contentType: 'text/csv',
        content: toCsv([options.header, ...entries.map(options.cells)]),
        rows: entries.length,
      };
}
