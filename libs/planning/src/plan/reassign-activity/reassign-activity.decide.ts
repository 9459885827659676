import { change, existingPlan, liveActivity, mayChange, requireAgencies } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { AgencyNotInProject, NothingChanged } from '../plan-structure.errors';
import type { ReassignActivity } from './reassign-activity.command';

export function decideReassignActivity({ data, actor, agencies }: ReassignActivity, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const { activity, project } = liveActivity(plan, data.activityId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    const code = data.responsibleAgencyCode;
    if (code !== project.leadAgencyCode && !project.participatingAgencyCodes.includes(code))
      throw new AgencyNotInProject(code, project.projectId);
    requireAgencies(agencies, [code]);
    if (code === activity.responsibleAgencyCode) throw new NothingChanged('activity', activity.activityId);
    return [
      {
        type: 'ActivityReassigned',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          activityId: activity.activityId,
          responsibleAgencyCode: code,
          previousAgencyCode: activity.responsibleAgencyCode,
        },
      },
    ];
  });
}
