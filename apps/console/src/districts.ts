import { PROVINCES } from '../../../libs/planning/src/domain/provinces';
import { THAI_PROVINCES } from '../../../libs/kernel/src/provinces';
import type { Lang } from './format';

/**
 * The provinces and districts the API serves, read from the domain's own reference data (a plain
 * module with no imports), so the console never keeps a copy that could drift from what the API checks.
 */
export { PROVINCES };

/** A district's name in the reader's language; its geocode when the reference data does not know it. */
export function districtName(code: string, lang: Lang): string {
  for (const province of Object.values(PROVINCES)) {
    const district = province.districts.find((d) => d.code === code);
    if (district) return district[lang];
  }
  return code;
}

/** Every province's code, for a national role's province filter, in the order of their codes. */
export const PROVINCE_CODES = Object.keys(THAI_PROVINCES).sort();

/** A province's name in the reader's language (any of the 77); its code when unknown. */
export function provinceName(code: string, lang: Lang): string {
  return THAI_PROVINCES[code]?.[lang] ?? code;
}

/** A province's name, Thai first: the Thai name alone in Thai, with the English beside it in English. */
export function provinceNameThaiFirst(code: string, lang: Lang): string {
  const name = THAI_PROVINCES[code];
  if (!name) return code;
  return lang === 'th' ? name.th : `${name.th} (${name.en})`;
}
