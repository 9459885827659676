import { PROVINCES } from '../../../libs/planning/src/domain/provinces';
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
