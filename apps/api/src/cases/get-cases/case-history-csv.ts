import type { CaseHistoryEntry } from '@ruamjai/cases';
import { toCsv } from '../../http/csv';

const COLUMNS = [
  'position',
  'stream',
  'revision',
  'type',
  'occurredAt',
  'actor',
  'agency',
  'role',
  'reason',
  'correlationId',
  'data',
] as const;

/** A case's history as CSV (see toCsv), personal data sealed as in the JSON. */
export function caseHistoryCsv(entries: readonly CaseHistoryEntry[]): string {
  return toCsv(COLUMNS, entries, (e, c) => e[c]);
}
