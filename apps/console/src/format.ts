/** Dates in the Buddhist era and Bangkok time; money in baht from integer satang. */
export type Lang = 'th' | 'en';

const BANGKOK = 'Asia/Bangkok';

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: BANGKOK,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-buddhist', {
    timeZone: BANGKOK,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }),
};
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: BANGKOK,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-buddhist', {
    timeZone: BANGKOK,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
};

/** `14 ก.พ. 2562` (or `14 Feb 2562 BE`): a date or a date-time, read in Bangkok. */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const date =
    typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value) : value;
  return Number.isNaN(date.getTime()) ? '—' : dateFormats[lang].format(date);
}

/** `วันที่ 14 ก.พ. 2562` in running Thai text; the plain date in English. */
export function formatDay(value: string | Date | null | undefined, lang: Lang): string {
  const text = formatDate(value, lang);
  return lang === 'th' && text !== '—' ? `วันที่ ${text}` : text;
}

export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '—' : `${dateTimeFormats[lang].format(date)}${lang === 'th' ? ' น.' : ''}`;
}

const englishBangkok = new Intl.DateTimeFormat('en-GB', {
  timeZone: BANGKOK,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant said as Bangkok time, the way the notices themselves say it: `3 พ.ค. 2562 09:00 น.` in
 * Thai, `3 May 2019, 09:00 Bangkok time` in English (the notice bodies carry the Christian year in English).
 */
export function formatBangkokDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (lang === 'th') return formatDateTime(value, 'th');
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '—';
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    englishBangkok.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} Bangkok time`;
}

const number = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US');

/** `฿150,000.00` from 15000000 satang: whole baht and satang by integer arithmetic, never floats of money. */
export function formatBaht(satang: number | null | undefined): string {
  if (satang === null || satang === undefined) return '—';
  const negative = satang < 0;
  const abs = Math.abs(Math.trunc(satang));
  const baht = Math.trunc(abs / 100);
  const rest = abs % 100;
  const text = `${count.format(baht)}.${String(rest).padStart(2, '0')}`;
  return `${negative ? '-' : ''}฿${text}`;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : count.format(n);
}

/** Baht as a plain number for charts (axis labels format it back). */
export const satangToBaht = (satang: number): number => Number(number.format(satang / 100).replace(/,/g, ''));

/** Fiscal years are Buddhist-era years already (ปีงบประมาณ 2562). */
export const fiscalYearLabel = (year: number, lang: Lang): string =>
  lang === 'th' ? `ปีงบประมาณ ${year}` : `Fiscal year ${year} BE`;

/** The first block of an id (a case's, a referral's): enough to tell records apart on a screen, and the way notices name them. */
export const shortId = (id: string): string => id.slice(0, 8);

/**
 * A value from a form or an event as text: a string as it is; a number, boolean or bigint written
 * out; anything else (empty, an object) as ''. Never "[object Object]" in a field or a message.
 */
export const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
      ? String(value)
      : '';
