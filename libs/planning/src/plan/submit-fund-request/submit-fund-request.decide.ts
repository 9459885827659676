import { fundAmount, liveProject, MAX_SATANG, openForFund } from '../guards';
import { FundRequestAlreadyExists, ReasonRequired } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { NotOwnAgencyProject } from '../plan-structure.errors';
import type { SubmitFundRequest } from './submit-fund-request.command';

/**
 * A request to the national Anti-Trafficking Fund for a project. It is then returned for revision
 * and revised (submitted again), approved (possibly for less) or rejected, and once approved paid
 * in one or more disbursements up to the approved amount.
 */
export function decideSubmitFundRequest({ data, actor }: SubmitFundRequest, state: PlanState): PlanEvent[] {
  const plan = openForFund(state, data.planId);
  const { projectId, requestId, justification, category } = data;
  const project = liveProject(plan, projectId);
  if (actor.role === 'agency_officer' && project.leadAgencyCode !== actor.agency)
    throw new NotOwnAgencyProject(actor.agency, projectId);
  if (plan.fundRequests.has(requestId)) throw new FundRequestAlreadyExists(requestId);
  if (!justification?.trim()) throw new ReasonRequired();
  return [
    {
      type: 'FundRequestSubmitted',
      data: {
        planId: plan.planId,
        projectId,
        requestId,
        amountSatang: fundAmount(data.amountSatang, MAX_SATANG, 'request'),
        justification: justification.trim(),
        category,
      },
    },
  ];
}
