import { change, existingPlan, liveActivity, mayChange, reasonOf } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { WithdrawActivity } from './withdraw-activity.command';

export function decideWithdrawActivity({ data, actor }: WithdrawActivity, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const { activity, project } = liveActivity(plan, data.activityId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    return [
      {
        type: 'ActivityWithdrawn',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          activityId: activity.activityId,
          reason: reasonOf(data.reason),
        },
      },
    ];
  });
}
