import type { PlanAuditEntry } from '@ruamjai/planning';

const COLUMNS = ['revision', 'occurredAt', 'recordedAt', 'type', 'actor', 'agency', 'role', 'reason', 'correlationId', 'eventId', 'changes', 'data'] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The audit trail as CSV: UTF-8 with a byte-order mark, so Excel shows Thai; CRLF line ends. */
export function historyCsv(entries: readonly PlanAuditEntry[]): string {
  const lines = [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
