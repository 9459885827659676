/** Buddhist Era year = Common Era year + 543. */
export const BE_OFFSET = 543;

export function toBuddhistYear(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

/**
 * The Thai fiscal year (B.E.) a date falls in: 1 October to 30 September, named by the year in which
 * it ends. 2018-10-01 and 2019-09-30 are both in FY2562. Judged in Thai time (UTC+7).
 */
export function fiscalYearOf(date: Date): number {
  const bangkok = new Date(date.getTime() + 7 * 3600 * 1000);
  const year = bangkok.getUTCFullYear();
  const endsIn = bangkok.getUTCMonth() >= 9 ? year + 1 : year;
  return toBuddhistYear(endsIn);
}

/** The first and last day (ISO dates) of a fiscal year given in B.E.: FY2562 = 2018-10-01..2019-09-30. */
export function fiscalYearRange(fiscalYearBE: number): { start: string; end: string } {
  const endCE = fiscalYearBE - BE_OFFSET;
  return { start: `${endCE - 1}-10-01`, end: `${endCE}-09-30` };
}

const MONTHS_TH = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;
const MONTHS_TH_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;
const MONTHS_EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** An ISO date (YYYY-MM-DD) in the Buddhist era: "2019-03-15" -> "15 มีนาคม 2562". */
export function formatThaiDate(isoDate: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const months = style === 'long' ? MONTHS_TH : MONTHS_TH_SHORT;
  return `${d} ${months[m - 1]} ${y + BE_OFFSET}`;
}

/** An instant as Bangkok date and time in the Buddhist era: "15 มี.ค. 2562 09:00 น.". */
export function formatThaiDateTime(instant: string | Date): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const bangkok = new Date(t + 7 * 3600_000).toISOString();
  return `${formatThaiDate(bangkok.slice(0, 10), 'short')} ${bangkok.slice(11, 16)} น.`;
}

/** The Bangkok calendar date of an instant. */
export const bangkokDate = (instant: string | Date): string =>
  new Date((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + 7 * 3600_000)
    .toISOString()
    .slice(0, 10);

/** An instant as Bangkok date and time for English readers: "15 Mar 2019, 09:00 Bangkok time". */
export function formatEnglishDateTime(instant: string | Date): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const bangkok = new Date(t + 7 * 3600_000).toISOString();
  const [y, m, d] = bangkok.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS_EN_SHORT[m - 1]} ${y}, ${bangkok.slice(11, 16)} Bangkok time`;
}

/** An ISO date for English readers: "2019-03-15" -> "15 Mar 2019". */
export function formatEnglishDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS_EN_SHORT[m - 1]} ${y}`;
}
