import { formatBaht, formatThaiDate } from '../domain/thai-format';
import { isBaht, isDate, isPercent, type CellValue } from '../reports/report-document';

const grouped = new Intl.NumberFormat('en-US');

/** A cell as printed: baht with satang, B.E. dates, grouped numbers. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return grouped.format(value);
  if (isBaht(value)) return formatBaht(value.baht);
  if (isDate(value)) return formatThaiDate(value.date);
  if (isPercent(value)) return value.percent === null ? '–' : `${(value.percent * 100).toFixed(1)}%`;
  return '';
}
