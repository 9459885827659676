import { change, existingPlan, liveProject, mayChange, reasonOf } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { WithdrawProject } from './withdraw-project.command';

export function decideWithdrawProject({ data, actor }: WithdrawProject, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const project = liveProject(plan, data.projectId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    return [
      {
        type: 'ProjectWithdrawn',
        data: { planId: plan.planId, projectId: project.projectId, reason: reasonOf(data.reason) },
      },
    ];
  });
}
