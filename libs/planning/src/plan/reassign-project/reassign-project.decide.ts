import { change, existingPlan, liveProject, mayChange, participantsOf, requireAgencies, sameJson } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { AgencyStillResponsible, NothingChanged } from '../plan-structure.errors';
import type { ReassignProject } from './reassign-project.command';

export function decideReassignProject({ data, actor, agencies }: ReassignProject, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const project = liveProject(plan, data.projectId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    const participating = participantsOf(
      data.leadAgencyCode,
      data.participatingAgencyCodes ?? [...project.participatingAgencyCodes, project.leadAgencyCode],
    );
    requireAgencies(agencies, [
      data.leadAgencyCode,
      ...participating.filter(
        (code) => !project.participatingAgencyCodes.includes(code) && code !== project.leadAgencyCode,
      ),
    ]);
    if (
      data.leadAgencyCode === project.leadAgencyCode &&
      sameJson(participating, project.participatingAgencyCodes, 'participatingAgencyCodes')
    )
      throw new NothingChanged('project', project.projectId);
    // An agency still running an activity stays in the project until its activities are handed on.
    const remaining = new Set([data.leadAgencyCode, ...participating]);
    const stranded = [...plan.activities.values()].filter(
      (a) => a.projectId === project.projectId && !a.withdrawn && !remaining.has(a.responsibleAgencyCode),
    );
    if (stranded.length > 0)
      throw new AgencyStillResponsible(
        stranded[0].responsibleAgencyCode,
        stranded.map((a) => a.activityId),
      );
    return [
      {
        type: 'ProjectReassigned',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          leadAgencyCode: data.leadAgencyCode,
          participatingAgencyCodes: participating,
          previousLeadAgencyCode: project.leadAgencyCode,
          previousParticipatingAgencyCodes: [...project.participatingAgencyCodes],
        },
      },
    ];
  });
}
