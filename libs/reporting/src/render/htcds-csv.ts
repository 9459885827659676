import { stringify } from 'csv-stringify/sync';
import { HTCDS_COLUMNS, type HtcdsExport } from '../reports/case-statistics';

/** The HTCDS export as CSV (UTF-8 with BOM for Excel); a cell that looks like a formula is escaped. */
export function htcdsCsv(data: HtcdsExport): string {
  return `\ufeff${stringify(
    data.records.map((r) => HTCDS_COLUMNS.map((c) => r[c])),
    { header: true, columns: [...HTCDS_COLUMNS], escape_formulas: true },
  )}`;
}
