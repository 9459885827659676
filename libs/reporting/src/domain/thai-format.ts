import { BE_OFFSET, fiscalYearRange } from '@ruamjai/kernel';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Satang (integers) as baht with satang: 1234567 -> "฿12,345.67". Never through a float. */
export function formatBaht(satang: number): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  return `${sign}฿${grouped.format(Math.trunc(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** Satang to baht as a decimal number, for spreadsheet cells formatted as baht (exact to the satang in a double). */
export const satangToBaht = (satang: number): number => Math.round(satang) / 100;

export { bangkokDate, formatThaiDate, formatThaiDateTime } from '@ruamjai/kernel';

export type FiscalQuarter = 1 | 2 | 3 | 4;

/** The quarter of the Thai fiscal year an ISO date falls in: October to December is Q1. */
export function fiscalQuarterOf(isoDate: string): { fiscalYear: number; quarter: FiscalQuarter } {
  const [y, m] = isoDate.slice(0, 10).split('-').map(Number);
  const fiscalYear = (m >= 10 ? y + 1 : y) + BE_OFFSET;
  const quarter = (m >= 10 ? 1 : Math.floor((m - 1) / 3) + 2) as FiscalQuarter;
  return { fiscalYear, quarter };
}

/** First and last day (ISO) of a fiscal quarter: FY2562 Q1 = 2018-10-01..2018-12-31. */
export function fiscalQuarterRange(fiscalYear: number, quarter: FiscalQuarter): { start: string; end: string } {
  const { start } = fiscalYearRange(fiscalYear);
  const startYear = Number(start.slice(0, 4));
  const startMonth = 10 + (quarter - 1) * 3; // 10, 13, 16, 19
  const year = startYear + Math.floor((startMonth - 1) / 12);
  const month = ((startMonth - 1) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month - 1 + 3, 0)).getUTCDate();
  const endMonth = month + 2;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

export const QUARTER_LABEL_TH: Readonly<Record<FiscalQuarter, string>> = {
  1: 'ไตรมาสที่ 1 (ต.ค. – ธ.ค.)',
  2: 'ไตรมาสที่ 2 (ม.ค. – มี.ค.)',
  3: 'ไตรมาสที่ 3 (เม.ย. – มิ.ย.)',
  4: 'ไตรมาสที่ 4 (ก.ค. – ก.ย.)',
};

/** A share as a percentage with one decimal, or a dash when there is nothing to divide by. */
export const percent = (part: number, whole: number): string =>
  whole > 0 ? `${((part * 100) / whole).toFixed(1)}%` : '–';
