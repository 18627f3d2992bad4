/**
 * CSV for reports a backend exports (RFC 4180, CRLF between rows), with every cell made
 * safe to open in a spreadsheet: a cell starting `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be read as a formula (OWASP's CSV injection), so it starts with `'`.
 */

/** A cell that a spreadsheet shows as text, never runs. */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows (the first the header) as CSV text, every cell spreadsheet-safe and quoted where it must be. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quoted(spreadsheetSafe(cell))).join(',')).join('\r\n') + '\r\n';
}
