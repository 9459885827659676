import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV the API writes: UTF-8 with a byte-order mark so Excel shows Thai, CRLF line ends, objects
 * as JSON, and cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) escaped
 * with a leading apostrophe, so a reason typed by anyone cannot become a link or a command in an
 * auditor's Excel.
 */
export function toCsv<Row, Column extends string>(
  columns: readonly Column[],
  rows: readonly Row[],
  valueOf: (row: Row, column: Column) => unknown,
): string {
  const records = rows.map((row) => columns.map((column) => cellText(valueOf(row, column))));
  return stringify([[...columns], ...records], { bom: true, record_delimiter: 'windows', escape_formulas: true });
}

/** Numbers stay numbers (a negative amount is not a formula); objects become JSON. */
function cellText(value: unknown): string | number | bigint | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string')
    return value;
  return JSON.stringify(value);
}
