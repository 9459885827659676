import { change, checkKpiValue, existingPlan, isNew, liveProject, mayChange, optionalText, trimmed } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { AddKpi } from './add-kpi.command';

export function decideAddKpi({ data, actor }: AddKpi, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const project = liveProject(plan, data.projectId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    isNew(plan, 'kpi', data.kpiId);
    return [
      {
        type: 'KpiAdded',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          kpiId: data.kpiId,
          descriptionTh: trimmed(data.descriptionTh, 'descriptionTh'),
          descriptionEn: optionalText(data.descriptionEn),
          unit: trimmed(data.unit, 'unit'),
          target: checkKpiValue(data.target),
        },
      },
    ];
  });
}
