import type { CaseHistoryEntry } from '@ruamjai/cases';

const COLUMNS = ['position', 'stream', 'revision', 'type', 'occurredAt', 'actor', 'agency', 'role', 'reason', 'correlationId', 'data'] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A case's history as CSV (UTF-8 with BOM, CRLF), personal data sealed as in the JSON. */
export function caseHistoryCsv(entries: readonly CaseHistoryEntry[]): string {
  return `\uFEFF${[COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n')}\r\n`;
}
