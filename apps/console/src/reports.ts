import { useState } from 'react';
import { api, ApiError } from './api/client';
import type { Role } from './auth';

/** Who may download what: the API's rules (libs/planning PLAN_READ_ROLES, libs/reporting ReportBuilder), so the console offers no button the API would refuse. */
export const canReadPlanReports = (role: Role): boolean => role !== 'viewer' && role !== 'national_viewer';
/** A report rebuilt at a past point shows the plan's history: the secretariat's, the chair's and auditors'. */
export const canReadPlanHistory = (role: Role): boolean =>
  role === 'coordinator' ||
  role === 'chair' ||
  role === 'auditor' ||
  role === 'secretariat' ||
  role === 'national_auditor';
/** De-identified counts: every role that reads dashboards. */
export const canReadCaseStatistics = (_role: Role): boolean => true;
/** Records, however coarsened: the secretariat and auditors only. */
export const canExportHtcds = (role: Role): boolean => role === 'coordinator' || role === 'auditor';

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
export type Quarter = 1 | 2 | 3 | 4;

/** What the API says a report was built from: the log position, and the asOf that builds it again. */
export interface Provenance {
  readonly position: string;
  readonly asOf: string | null;
  readonly fileName: string;
}

export type ReportRequest =
  | { readonly kind: 'action-plan'; readonly planId: string }
  | {
      readonly kind: 'quarterly-progress';
      readonly planId: string;
      readonly quarter: Quarter;
      readonly format: 'pdf' | 'xlsx';
    }
  | { readonly kind: 'fund'; readonly planId: string; readonly format: 'pdf' | 'xlsx' }
  | { readonly kind: 'case-statistics'; readonly format: 'pdf' | 'xlsx' }
  | { readonly kind: 'htcds' };

/**
 * The file name the API gives in Content-Disposition (`attachment; filename="x.pdf"`, or the
 * RFC 6266 `filename*=UTF-8''…` form), else a fallback; never a path.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (disposition) {
    const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
    const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(disposition);
    let name: string | undefined;
    try {
      name = extended ? decodeURIComponent(extended[1].trim()) : undefined;
    } catch {
      name = undefined;
    }
    name ??= (plain?.[1] ?? plain?.[2])?.trim();
    if (name) return name.replace(/[/\\]/g, '_');
  }
  return fallback;
}

/** The report's request through the typed client: the Bearer token and Accept-Language come from its middleware. */
function call(request: ReportRequest, asOf: string | undefined) {
  const at = asOf ? { asOf } : {};
  const parseAs = 'blob' as const;
  switch (request.kind) {
    case 'action-plan':
      return api.GET('/api/v1/plans/{planId}/reports/action-plan', {
        params: { path: { planId: request.planId }, query: { ...at } },
        parseAs,
      });
    case 'quarterly-progress':
      return api.GET('/api/v1/plans/{planId}/reports/quarterly-progress', {
        params: {
          path: { planId: request.planId },
          query: { quarter: request.quarter, format: request.format, ...at },
        },
        parseAs,
      });
    case 'fund':
      return api.GET('/api/v1/plans/{planId}/reports/fund', {
        params: { path: { planId: request.planId }, query: { format: request.format, ...at } },
        parseAs,
      });
    case 'case-statistics':
      return api.GET('/api/v1/reports/case-statistics', {
        params: { query: { format: request.format, ...at } },
        parseAs,
      });
    case 'htcds':
      return api.GET('/api/v1/reports/htcds', { params: { query: { format: 'csv', ...at } }, parseAs });
  }
}

const fallbackName = (request: ReportRequest): string =>
  `${request.kind}.${'format' in request ? request.format : request.kind === 'htcds' ? 'csv' : 'pdf'}`;

/**
 * Saves a Blob under a name: a temporary object URL on an `<a download>`, clicked and removed. The
 * URL is revoked a little later, not at once: a browser may still be reading it when click() returns.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/**
 * Builds a report on the API and saves it. Not a plain link: the API wants the Authorization
 * header, which only a fetch can send. A refusal or a bad request throws the API's problem.
 */
export async function downloadReport(request: ReportRequest, asOf?: string): Promise<Provenance> {
  const { data, error, response } = await call(request, asOf);
  if (!response.ok || !(data instanceof Blob))
    throw new ApiError(response.status, typeof error === 'object' && error !== null ? error : {});
  const fileName = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName(request));
  saveBlob(data, fileName);
  return {
    position: response.headers.get('X-Ruamjai-Report-Position') ?? '—',
    asOf: response.headers.get('X-Ruamjai-Report-As-Of'),
    fileName,
  };
}

/** One report button's state: which download is building, the last one's provenance, the last error. */
export function useReportDownload() {
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<Provenance | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (key: string, request: ReportRequest, asOf?: string) => {
    setBusy(key);
    setError(null);
    try {
      setDone(await downloadReport(request, asOf));
    } catch (e) {
      setDone(null);
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return { busy, done, error, run };
}

/** The fiscal quarter a day falls in (October starts the first), read in Bangkok, for the quarter picker's default. */
export function defaultQuarter(fiscalYearBe: number, today = new Date()): Quarter {
  // The fiscal year 2562 B.E. runs from 1 October 2018 to 30 September 2019.
  const bangkok = new Date(today.getTime() + 7 * 3_600_000);
  const start = Date.UTC(fiscalYearBe - 543 - 1, 9, 1);
  const end = Date.UTC(fiscalYearBe - 543, 9, 1);
  if (bangkok.getTime() < start) return 1;
  if (bangkok.getTime() >= end) return 4;
  const month = bangkok.getUTCMonth(); // 0 = January
  return (month >= 9 ? 1 : Math.floor(month / 3) + 2) as Quarter;
}

/**
 * The instant a chosen day stands for in an as-of: the end of that day in Bangkok (all that was
 * recorded on it counts), or now when the day is today.
 */
export function endOfBangkokDay(day: string, now = new Date()): string {
  const end = new Date(`${day}T23:59:59.999+07:00`);
  return (end.getTime() > now.getTime() ? now : end).toISOString();
}
