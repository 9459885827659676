import { change, checkDistricts, existingPlan, mayChange, requireAgencies } from '../guards';
import { InvalidBudget, ProjectAlreadyExists } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { TextRequired } from '../plan-structure.errors';
import type { AddProject } from './add-project.command';

export function decideAddProject({ data, actor, agencies }: AddProject, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    mayChange(actor, plan, data.leadAgencyCode, data.projectId);
    if (plan.projects.has(data.projectId) || plan.budgetLines.has(data.projectId))
      throw new ProjectAlreadyExists(data.projectId);
    const participating = [...new Set(data.participatingAgencyCodes ?? [])].filter(
      (code) => code !== data.leadAgencyCode,
    );
    requireAgencies(agencies, [data.leadAgencyCode, ...participating]);
    checkBudget(data.requestedBudgetSatang);
    if (!data.titleTh?.trim()) throw new TextRequired('titleTh');
    return [
      {
        type: 'ProjectAdded',
        data: {
          planId: data.planId,
          projectId: data.projectId,
          titleTh: data.titleTh.trim(),
          titleEn: data.titleEn?.trim() || null,
          strategy: data.strategy,
          leadAgencyCode: data.leadAgencyCode,
          participatingAgencyCodes: participating,
          districtCodes: checkDistricts(plan, data.districtCodes),
          targetGroups: [...new Set(data.targetGroups ?? [])],
          objectives: (data.objectives ?? []).map((o) => o.trim()).filter(Boolean),
          requestedBudgetSatang: data.requestedBudgetSatang,
          fundingSource: data.fundingSource,
        },
      },
    ];
  });
}

function checkBudget(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new InvalidBudget(amount);
}
