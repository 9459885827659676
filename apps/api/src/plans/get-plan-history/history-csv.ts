import type { PlanAuditEntry } from '@ruamjai/planning';
import { toCsv } from '../../http/csv';

const COLUMNS = [
  'revision',
  'occurredAt',
  'recordedAt',
  'type',
  'actor',
  'agency',
  'role',
  'reason',
  'correlationId',
  'eventId',
  'changes',
  'data',
] as const;

/** The audit trail as CSV (see toCsv: BOM, CRLF, formulas escaped). */
export function historyCsv(entries: readonly PlanAuditEntry[]): string {
  return toCsv(COLUMNS, entries, (e, c) => e[c]);
}
