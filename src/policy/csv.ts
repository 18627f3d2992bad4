/**
 * CSV for reports a backend exports (RFC 4180, CRLF between rows), with every cell made
 * safe to open in a spreadsheet (OWASP's CSV injection): a cell is read as a formula when
 * its first character that is not blank is `=`, `+`, `-` or `@`, and spreadsheets fold
 * look-alikes (a fullwidth `＝`) and skip spaces of every kind before it. So a cell whose
 * first non-blank character, as typed or after Unicode NFKC, starts a formula, or that
 * starts with a tab, carriage return or line feed, starts with `'` and is shown as text.
 */

/** Characters a spreadsheet skips before deciding what a cell is: spaces, controls and invisible format characters. */
const BLANK = /^[\s\p{Zs}\p{Cc}\p{Cf}]*/u;
const FORMULA = /^[=+\-@]/;

/** Whether a spreadsheet would run `cell` as a formula. */
export function startsFormula(cell: string): boolean {
  const first = cell.charCodeAt(0);
  // A printable ASCII character first (most cells): NFKC never turns it into another ASCII character.
  if (first > 0x20 && first < 0x7f) return FORMULA.test(cell);
  if (/^[\t\r\n]/.test(cell)) return true;
  // As typed, and as folded: NFKC composes `=` and a combining overlay into `≠`, a spreadsheet does not.
  return FORMULA.test(cell.replace(BLANK, '')) || FORMULA.test(cell.normalize('NFKC').replace(BLANK, ''));
}

/** A cell that a spreadsheet shows as text, never runs. */
export function spreadsheetSafe(cell: string): string {
  return startsFormula(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows (the first the header) as CSV text, every cell spreadsheet-safe and quoted where it must be. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quoted(spreadsheetSafe(cell))).join(',')).join('\r\n') + '\r\n';
}

/** The cells of a CSV text made by `toCsv`, row by row, quoted cells unquoted: what a spreadsheet reads. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c !== '"') {
        cell += c;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        inQuotes = false;
      }
    } else if (c === '"') {
      inQuotes = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
