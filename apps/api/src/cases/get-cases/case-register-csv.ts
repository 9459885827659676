import type { CaseView } from '@ruamjai/cases';
import { toCsv } from '../../http/csv';

const COLUMNS = [
  'caseId',
  'owningAgency',
  'districtCode',
  'source',
  'ageGroup',
  'stage',
  'status',
  'identification',
  'consent',
  'legalBasis',
  'personalDataErased',
  'foundOn',
  'openedAt',
  'screenedAt',
  'identificationDueAt',
  'closedAt',
  'closureOutcome',
] as const;

/** The case register as CSV (see toCsv): the same de-identified columns as the API. */
export function caseRegisterCsv(cases: readonly CaseView[]): string {
  return toCsv(COLUMNS, cases, (c, k) => c[k]);
}
