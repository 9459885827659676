import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { Role } from '../../auth';
import { minPosition } from '../../live';
import type { Plan } from './model';

export const planKey = (planId: string) => ['plan', planId] as const;

/** The plan as the view has it, at least as far as the console's own last write (read-your-writes). */
export const readPlan = (planId: string) =>
  unwrap<Plan>(api.GET('/api/v1/plans/{planId}', { params: { path: { planId }, query: minPosition() as never } }));

export const usePlan = (planId: string) => useQuery({ queryKey: planKey(planId), queryFn: () => readPlan(planId) });

/** Who may read a plan as of a revision (the history): the secretariat, the chair and auditors. */
const readsHistory = (role: Role) => role === 'coordinator' || role === 'chair' || role === 'auditor';

/**
 * The plan at the revision that refused a save. Those who may read the history get exactly that
 * revision, folded from the log; an officer reads the current view, waiting a little for it to reach
 * the revision (the view may trail the log by a few milliseconds).
 */
export async function planAtRevision(planId: string, revision: string, role: Role): Promise<Plan> {
  if (readsHistory(role))
    return unwrap<Plan>(
      api.GET('/api/v1/plans/{planId}', { params: { path: { planId }, query: { revision } as never } }),
    );
  let plan = await unwrap<Plan>(api.GET('/api/v1/plans/{planId}', { params: { path: { planId } } }));
  for (let attempt = 0; attempt < 20 && plan.revision < Number(revision); attempt++) {
    await new Promise((r) => setTimeout(r, 250));
    plan = await unwrap<Plan>(api.GET('/api/v1/plans/{planId}', { params: { path: { planId } } }));
  }
  return plan;
}

export interface Agency {
  code: string;
  nameTh: string;
  nameEn: string | null;
  active: boolean;
}

/** The agency directory's active agencies, for choosing a lead, participants or a responsible agency. */
export const useAgencies = () =>
  useQuery({
    queryKey: ['agencies'],
    staleTime: 60_000,
    queryFn: async () =>
      (await unwrap<{ agencies: Agency[] }>(api.GET('/api/v1/agencies', { params: { query: {} as never } }))).agencies,
  });

export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 412;
