import { checkKpiValue, checkReportDate, existingPlan, inExecution, liveKpi, mayReport, optionalText } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { RecordKpiActual } from './record-kpi-actual.command';

export function decideRecordKpiActual({ data, actor, at }: RecordKpiActual, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  inExecution(plan);
  const { kpi, project } = liveKpi(plan, data.kpiId);
  mayReport(actor, project);
  checkReportDate(plan, data.measuredOn, at);
  return [
    {
      type: 'KpiActualRecorded',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        kpiId: kpi.kpiId,
        actual: checkKpiValue(data.actual),
        previousActual: kpi.actual,
        measuredOn: data.measuredOn,
        note: optionalText(data.note),
      },
    },
  ];
}
