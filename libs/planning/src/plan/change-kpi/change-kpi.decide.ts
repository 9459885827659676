import { change, changesOf, checkKpiValue, existingPlan, liveKpi, mayChange, optionalText, trimmed } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { KpiState, PlanState } from '../plan.state';
import type { ChangeKpi } from './change-kpi.command';

export function decideChangeKpi({ data, actor }: ChangeKpi, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const { kpi, project } = liveKpi(plan, data.kpiId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    const proposed = {
      descriptionTh: data.descriptionTh === undefined ? undefined : trimmed(data.descriptionTh, 'descriptionTh'),
      descriptionEn: data.descriptionEn === undefined ? undefined : optionalText(data.descriptionEn),
      unit: data.unit === undefined ? undefined : trimmed(data.unit, 'unit'),
      target: data.target === undefined ? undefined : checkKpiValue(data.target),
    };
    const changes = changesOf(kpi, proposed as Partial<KpiState>, 'kpi', kpi.kpiId);
    return [
      {
        type: 'KpiChanged',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          kpiId: kpi.kpiId,
          changes: changes,
        },
      },
    ];
  });
}
