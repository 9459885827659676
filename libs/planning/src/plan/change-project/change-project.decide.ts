import {
  change,
  changesOf,
  checkDistricts,
  existingPlan,
  liveProject,
  mayChange,
  optionalText,
  trimmed,
} from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState, ProjectState } from '../plan.state';
import type { ChangeProject } from './change-project.command';

export function decideChangeProject({ data, actor }: ChangeProject, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const project = liveProject(plan, data.projectId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    const proposed = {
      titleTh: data.titleTh === undefined ? undefined : trimmed(data.titleTh, 'titleTh'),
      titleEn: data.titleEn === undefined ? undefined : optionalText(data.titleEn),
      strategy: data.strategy,
      districtCodes: data.districtCodes && checkDistricts(plan, data.districtCodes),
      targetGroups: data.targetGroups && [...new Set(data.targetGroups)],
      objectives: data.objectives?.map((o) => o.trim()).filter(Boolean),
    };
    const changes = changesOf(project, proposed as Partial<ProjectState>, 'project', project.projectId);
    return [
      {
        type: 'ProjectChanged',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          changes: changes as Extract<PlanEvent, { type: 'ProjectChanged' }>['data']['changes'],
        },
      },
    ];
  });
}
