import {
  change,
  checkCounts,
  checkDistricts,
  checkSchedule,
  existingPlan,
  isNew,
  liveProject,
  mayChange,
  optionalText,
  requireAgencies,
  trimmed,
} from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { AgencyNotInProject } from '../plan-structure.errors';
import type { AddActivity } from './add-activity.command';

export function decideAddActivity({ data, actor, agencies }: AddActivity, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const project = liveProject(plan, data.projectId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    isNew(plan, 'activity', data.activityId);
    const responsible = data.responsibleAgencyCode ?? project.leadAgencyCode;
    if (responsible !== project.leadAgencyCode && !project.participatingAgencyCodes.includes(responsible))
      throw new AgencyNotInProject(responsible, project.projectId);
    // An agency named here must be active; the lead, when none is named, was checked when it took the project.
    if (data.responsibleAgencyCode) requireAgencies(agencies, [responsible]);
    checkDistricts(plan, [data.districtCode]);
    checkSchedule(plan, data.startDate, data.endDate);
    return [
      {
        type: 'ActivityAdded',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          activityId: data.activityId,
          titleTh: trimmed(data.titleTh, 'titleTh'),
          titleEn: optionalText(data.titleEn),
          districtCode: data.districtCode,
          startDate: data.startDate,
          endDate: data.endDate,
          targets: checkCounts(data.targets, 'targets'),
          responsibleAgencyCode: responsible,
        },
      },
    ];
  });
}
