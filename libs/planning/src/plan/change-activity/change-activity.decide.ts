import {
  change,
  changesOf,
  checkCounts,
  checkDistricts,
  checkSchedule,
  existingPlan,
  liveActivity,
  mayChange,
  optionalText,
  trimmed,
} from '../guards';
import type { PlanEvent } from '../plan.events';
import type { ActivityState, PlanState } from '../plan.state';
import type { ChangeActivity } from './change-activity.command';

export function decideChangeActivity({ data, actor }: ChangeActivity, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const { activity, project } = liveActivity(plan, data.activityId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    if (data.districtCode !== undefined) checkDistricts(plan, [data.districtCode]);
    checkSchedule(plan, data.startDate ?? activity.startDate, data.endDate ?? activity.endDate);
    const proposed = {
      titleTh: data.titleTh === undefined ? undefined : trimmed(data.titleTh, 'titleTh'),
      titleEn: data.titleEn === undefined ? undefined : optionalText(data.titleEn),
      districtCode: data.districtCode,
      startDate: data.startDate,
      endDate: data.endDate,
      targets: data.targets && checkCounts(data.targets, 'targets'),
    };
    const changes = changesOf(activity, proposed as Partial<ActivityState>, 'activity', activity.activityId);
    return [
      {
        type: 'ActivityChanged',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          activityId: activity.activityId,
          changes: changes,
        },
      },
    ];
  });
}
