import type { CaseView } from '@ruamjai/cases';

const COLUMNS = ['caseId', 'owningAgency', 'districtCode', 'source', 'ageGroup', 'stage', 'status', 'identification', 'consent', 'legalBasis', 'personalDataErased', 'foundOn', 'openedAt', 'screenedAt', 'identificationDueAt', 'closedAt', 'closureOutcome'] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The case register as CSV (UTF-8 with BOM for Excel, CRLF): the same de-identified columns as the API. */
export function caseRegisterCsv(cases: readonly CaseView[]): string {
  return `\uFEFF${[COLUMNS.join(','), ...cases.map((c) => COLUMNS.map((k) => cell(c[k])).join(','))].join('\r\n')}\r\n`;
}
