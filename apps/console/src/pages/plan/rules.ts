import { asText } from '../../format';
import type { FormRule } from 'antd';

/**
 * The DTOs' rules (apps/api/src/plans: class-validator decorators, and the decider's own checks
 * where a form can know them), checked as the person types. The API checks everything again; its
 * problem text is shown as it comes.
 */
export type Text = (key: string, options?: Record<string, unknown>) => string;

export const LIMITS = {
  title: { min: 3, max: 500 },
  titleEn: 500,
  reason: { min: 3, max: 2000 },
  kpiDescription: { min: 3, max: 1000 },
  unit: { min: 1, max: 40 },
  lineDescription: 500,
  note: 5000,
  justification: { min: 3, max: 5000 },
  resultsSummary: { min: 3, max: 5000 },
  meetingReference: 40,
  objectives: 20,
  objective: 1000,
  participants: 10_000_000,
  measure: 1e12,
  districts: 100,
  agencies: 50,
} as const;

/** A required text of min..max characters once trimmed (the API trims before it checks). */
export function textRules(
  w: Text,
  { required, min = 0, max }: { required: boolean; min?: number; max: number },
): FormRule[] {
  return [
    { required, whitespace: required, message: w('rules.required') },
    {
      validator: (_, value: unknown) => {
        const text = typeof value === 'string' ? value.trim() : '';
        if (!text) return Promise.resolve();
        return text.length < min || text.length > max
          ? Promise.reject(new Error(w('rules.length', { min, max })))
          : Promise.resolve();
      },
    },
  ];
}

export const reasonRules = (w: Text, required: boolean): FormRule[] => [
  { required, whitespace: required, message: w('rules.reasonRequired') },
  ...textRules(w, { required: false, ...LIMITS.reason }),
];

/* ----- money: baht as typed, satang as kept ----- */

const BAHT = /^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

/** `25,000.50` → 2500050: by the digits, never through a float. Undefined when it is not baht with at most two satang digits. */
export function bahtToSatang(text: string | undefined | null): number | undefined {
  const value = (text ?? '').trim();
  if (!BAHT.test(value)) return undefined;
  const [whole, fraction = ''] = value.replace(/,/g, '').split('.');
  const satang = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return satang > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(satang);
}

/** 2500050 → `25000.50`, for a form's starting value. */
export const satangToBahtText = (satang: number): string =>
  `${Math.trunc(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;

/** Baht from `min` satang up to `max` satang (the DTOs: @IsInt @Min @Max in satang). */
export function bahtRules(
  w: Text,
  {
    required = true,
    minSatang = 0,
    maxSatang = Number.MAX_SAFE_INTEGER,
    maxMessage,
  }: { required?: boolean; minSatang?: number; maxSatang?: number; maxMessage?: string } = {},
): FormRule[] {
  return [
    { required, whitespace: required, message: w('rules.required') },
    {
      validator: (_, value: unknown) => {
        if (value === undefined || value === null || asText(value).trim() === '') return Promise.resolve();
        const satang = bahtToSatang(asText(value));
        if (satang === undefined) return Promise.reject(new Error(w('rules.baht')));
        if (satang < minSatang)
          return Promise.reject(new Error(minSatang > 0 ? w('rules.bahtPositive') : w('rules.baht')));
        if (satang > maxSatang) return Promise.reject(new Error(maxMessage ?? w('rules.baht')));
        return Promise.resolve();
      },
    },
  ];
}

/* ----- counts and measures ----- */

const WHOLE = /^\d+$/;
export const toWhole = (value: unknown): number | undefined =>
  value === undefined || value === null || asText(value).trim() === ''
    ? undefined
    : WHOLE.test(asText(value).trim())
      ? Number(asText(value).trim())
      : NaN;

/** A whole number 0..max (participants: @IsInt @Min(0) @Max(10,000,000)). */
export const wholeRules = (
  w: Text,
  { required = false, max = LIMITS.participants }: { required?: boolean; max?: number } = {},
): FormRule[] => [
  { required, message: w('rules.required') },
  {
    validator: (_, value: unknown) => {
      const n = toWhole(value);
      if (n === undefined) return Promise.resolve();
      return Number.isNaN(n) || n > max
        ? Promise.reject(new Error(w('rules.whole', { max: max.toLocaleString('en-US') })))
        : Promise.resolve();
    },
  },
];

const MEASURE = /^\d+(\.\d{1,2})?$/;
/** A KPI's target or actual: 0..10^12, at most two decimal places (the API's MeasureField). */
export const toMeasure = (value: unknown): number | undefined => {
  const text = value === undefined || value === null ? '' : asText(value).trim().replace(/,/g, '');
  if (!text) return undefined;
  return MEASURE.test(text) && Number(text) <= LIMITS.measure ? Number(text) : NaN;
};
export const measureRules = (w: Text, required = true): FormRule[] => [
  { required, whitespace: required, message: w('rules.required') },
  {
    validator: (_, value: unknown) =>
      Number.isNaN(toMeasure(value)) ? Promise.reject(new Error(w('rules.measure'))) : Promise.resolve(),
  },
];

/* ----- dates: typed in the Buddhist era, sent as ISO ----- */

const BE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `15/03/2562` (day/month/B.E. year) → `2019-03-15`; undefined when it is no such day. */
export function beToIso(text: string | undefined | null): string | undefined {
  const match = BE_DATE.exec((text ?? '').trim());
  if (!match) return undefined;
  const [day, month, yearBE] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const year = yearBE - 543;
  if (year < 1900 || month < 1 || month > 12 || day < 1) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** `2019-03-15` → `15/03/2562`, a form's starting value. */
export function isoToBe(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${Number(y) + 543}`;
}

/** A B.E. date, optionally inside [from, to] (ISO), with the message for a day outside. */
export function beDateRules(
  w: Text,
  { required = true, from, to, outside }: { required?: boolean; from?: string; to?: string; outside?: string } = {},
): FormRule[] {
  return [
    { required, whitespace: required, message: w('rules.required') },
    {
      validator: (_, value: unknown) => {
        if (value === undefined || value === null || asText(value).trim() === '') return Promise.resolve();
        const iso = beToIso(asText(value));
        if (!iso) return Promise.reject(new Error(w('rules.beDate')));
        if ((from && iso < from) || (to && iso > to)) return Promise.reject(new Error(outside ?? w('rules.beDate')));
        return Promise.resolve();
      },
    },
  ];
}

/** The subcommittee's meeting, numbered per fiscal year: `ครั้งที่ 1/2562` (the decider's pattern). */
export const MEETING_REFERENCE = /^ครั้งที่\s*\d{1,3}\/\d{4}$/;

/** Only what differs from what the form opened with: a change sends no field it did not change. */
export function changed<T extends Record<string, unknown>>(values: T, opened: T): Partial<T> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.fromEntries(
    Object.entries(values).filter(([k, v]) => v !== undefined && !same(v, opened[k])),
  ) as Partial<T>;
}
