import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { Role } from '../../auth';
import { fileNameFrom, saveBlob } from '../../reports';
import type { PlanSummary } from '../../types';
import type { Plan as PlanAt } from '../plan/model';

/** One field an event changed, as the API's history and comparison name it (`projects[<id>].requestedBudgetSatang`). */
export interface FieldChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One event of a plan's stream as GET /plans/{id}/history gives it. */
export interface AuditEntry {
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly agency: string;
  readonly role: string;
  readonly reason: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly commandType: string | null;
  readonly changes: readonly FieldChange[];
  readonly data: unknown;
}

export interface HistoryPage {
  readonly planId: string;
  readonly events: AuditEntry[];
  readonly next: string | null;
}

export interface PlanComparison {
  readonly from: number;
  readonly to: number;
  readonly added: readonly FieldChange[];
  readonly changed: readonly FieldChange[];
  readonly removed: readonly FieldChange[];
}

/** GET /audit/verification: the whole log's hash chain. */
export interface ChainReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streams: number;
  readonly head: { readonly position: string | null; readonly digest: string };
  readonly firstBreak: {
    position: string;
    streamId: string;
    revision: string;
    eventId: string;
    problem: 'unchained' | 'missing-before' | 'out-of-order' | 'altered';
    detail: string;
  } | null;
}

/** A plan as the API answers it, at any point: the workspace's own description of that answer. */
export type {
  Activity as ActivityAt,
  FundRequest as FundRequestAt,
  Plan as PlanAt,
  Project as ProjectAt,
} from '../plan/model';

/** The user directory (display names) is read by the secretariat and auditors only; the chair sees usernames. */
const canReadDirectory = (role: Role): boolean => role === 'coordinator' || role === 'auditor';

/** Every plan event type, in the order a plan's year goes: the domain's own list. */
export { PLAN_EVENT_TYPE_NAMES as EVENT_TYPES } from '../../../../../libs/planning/src/domain/plan-event-types';

/** What the history is narrowed to; dates are Bangkok days (YYYY-MM-DD), sent as the day's first and last instant. */
export interface HistoryFilters {
  readonly types: readonly string[];
  readonly actor?: string;
  readonly agency?: string;
  readonly fromDay?: string;
  readonly toDay?: string;
}

export const startOfBangkokDay = (day: string): string => new Date(`${day}T00:00:00.000+07:00`).toISOString();
export const lastOfBangkokDay = (day: string): string => new Date(`${day}T23:59:59.999+07:00`).toISOString();

function historyQuery(filters: HistoryFilters) {
  return {
    ...(filters.types.length ? { type: [...filters.types] } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.agency ? { agency: filters.agency } : {}),
    ...(filters.fromDay ? { from: startOfBangkokDay(filters.fromDay) } : {}),
    ...(filters.toDay ? { to: lastOfBangkokDay(filters.toDay) } : {}),
  };
}

function getHistory(planId: string, query: Record<string, unknown>) {
  return unwrap<HistoryPage>(
    api.GET('/api/v1/plans/{planId}/history', { params: { path: { planId }, query: query as never } }),
  );
}

/** One page of the history: the API's own paging (`afterRevision` and `limit`). */
export function useHistoryPage(
  planId: string,
  filters: HistoryFilters,
  afterRevision: number | undefined,
  limit: number,
) {
  return useQuery({
    queryKey: ['audit', 'history', planId, filters, afterRevision, limit],
    queryFn: () =>
      getHistory(planId, {
        ...historyQuery(filters),
        limit,
        ...(afterRevision !== undefined ? { afterRevision } : {}),
      }),
    placeholderData: (previous) => previous,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
}

/** The event that made a revision (the history from just before it, one entry). */
export function useEntryAt(planId: string, revision: number | undefined) {
  return useQuery({
    queryKey: ['audit', 'entry', planId, revision],
    enabled: revision !== undefined,
    queryFn: async () =>
      (await getHistory(planId, { limit: 1, ...(revision! > 0 ? { afterRevision: revision! - 1 } : {}) })).events[0] ??
      null,
  });
}

/** Up to the first thousand events (no filter): the labels of the revisions to pick from. */
export function useRevisionList(planId: string) {
  return useQuery({
    queryKey: ['audit', 'revisions', planId],
    staleTime: 60_000,
    queryFn: async () => (await getHistory(planId, { limit: 1000 })).events,
  });
}

export function usePlans() {
  return useQuery({
    queryKey: ['audit', 'plans'],
    queryFn: async () => (await unwrap<{ plans: PlanSummary[] }>(api.GET('/api/v1/plans'))).plans,
  });
}

/** The plan as it stands (its latest revision, approvals and amendments mark the slider). */
export function useCurrentPlan(planId: string) {
  return useQuery({
    queryKey: ['audit', 'plan', planId],
    queryFn: () => unwrap<PlanAt>(api.GET('/api/v1/plans/{planId}', { params: { path: { planId } } })),
  });
}

/** Where in the plan's past to look: the end of an instant (`asOf`), or a revision. */
export type Point = { readonly asOf: string } | { readonly revision: number };

/** The plan exactly as the API folds it from the log at that point (`?asOf=` or `?revision=`). */
export function usePlanAt(planId: string, point: Point | undefined) {
  return useQuery({
    queryKey: ['audit', 'plan-at', planId, point],
    enabled: point !== undefined,
    placeholderData: (previous) => previous,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
    queryFn: () =>
      unwrap<PlanAt>(api.GET('/api/v1/plans/{planId}', { params: { path: { planId }, query: point as never } })),
  });
}

export function useComparison(planId: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['audit', 'comparison', planId, from, to],
    enabled: from !== undefined && to !== undefined,
    placeholderData: (previous) => previous,
    queryFn: () =>
      unwrap<PlanComparison>(
        api.GET('/api/v1/plans/{planId}/comparison', { params: { path: { planId }, query: { from: from!, to: to! } } }),
      ),
  });
}

/**
 * The verification walks the whole log, so it runs when asked (and once when the screen opens), not
 * on every refresh of the views: a mutation, which the live stream's invalidation leaves alone.
 */
export function useVerification() {
  return useMutation({
    mutationKey: ['audit', 'verification'],
    mutationFn: async () => ({
      report: await unwrap<ChainReport>(api.GET('/api/v1/audit/verification')),
      checkedAt: new Date().toISOString(),
    }),
  });
}

/** The agency directory (names and codes), shared with every other screen. */
export { useAgencyDirectory as useAgencyNames } from '../../agencies';

interface DirectoryUser {
  readonly username: string;
  readonly displayName: string;
}

/** Display names of the centre's users, for those who may read the directory; others see usernames. */
export function useUserNames(role: Role): { name: (username: string) => string; users: readonly DirectoryUser[] } {
  const directory = useQuery({
    queryKey: ['audit', 'users'],
    enabled: canReadDirectory(role),
    staleTime: 5 * 60_000,
    retry: false,
    queryFn: async () => (await unwrap<{ users: DirectoryUser[] }>(api.GET('/api/v1/users'))).users,
  });
  return {
    users: directory.data ?? [],
    name: (username) => directory.data?.find((u) => u.username === username)?.displayName ?? username,
  };
}

/** Every page of the filtered history (the API gives at most a thousand events a page), for the exports. */
async function allPages(
  planId: string,
  filters: HistoryFilters,
): Promise<Array<{ afterRevision: number | undefined; events: AuditEntry[] }>> {
  const pages: Array<{ afterRevision: number | undefined; events: AuditEntry[] }> = [];
  let after: number | undefined;
  for (;;) {
    const page = await getHistory(planId, {
      ...historyQuery(filters),
      limit: 1000,
      ...(after !== undefined ? { afterRevision: after } : {}),
    });
    pages.push({ afterRevision: after, events: page.events });
    if (!page.next || page.events.length === 0) return pages;
    after = page.events[page.events.length - 1].revision;
  }
}

/**
 * The history as a file, with the filters shown. CSV is the API's own export (`format=csv`: UTF-8
 * with a BOM for Excel, formulas escaped), page by page, later pages without their BOM and header;
 * JSON is the API's history answer itself, every page's events in one document.
 */
export async function exportHistory(
  planId: string,
  filters: HistoryFilters,
  format: 'csv' | 'json',
): Promise<{ fileName: string; events: number }> {
  const pages = await allPages(planId, filters);
  const events = pages.reduce((n, p) => n + p.events.length, 0);
  if (format === 'json') {
    const document = {
      planId,
      filters: historyQuery(filters),
      exportedAt: new Date().toISOString(),
      events: pages.flatMap((p) => p.events),
    };
    const fileName = `plan-${planId}-history.json`;
    saveBlob(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }), fileName);
    return { fileName, events };
  }
  const parts: string[] = [];
  let fileName = `plan-${planId}-history.csv`;
  for (const [i, page] of pages.entries()) {
    const { data, error, response } = await api.GET('/api/v1/plans/{planId}/history', {
      params: {
        path: { planId },
        query: {
          ...historyQuery(filters),
          limit: 1000,
          format: 'csv',
          ...(page.afterRevision !== undefined ? { afterRevision: page.afterRevision } : {}),
        } as never,
      },
      parseAs: 'text',
    });
    if (!response.ok || typeof data !== 'string')
      throw new ApiError(response.status, typeof error === 'object' && error !== null ? error : {});
    fileName = fileNameFrom(response.headers.get('Content-Disposition'), fileName);
    const text = data.replace(/^\uFEFF/, '');
    parts.push(i === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
  }
  // The byte-order mark tells Excel the file is UTF-8, so Thai shows as Thai.
  saveBlob(new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' }), fileName);
  return { fileName, events };
}
