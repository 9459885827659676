import {
  checkAmount,
  checkCounts,
  checkReportDate,
  existingPlan,
  inExecution,
  liveActivity,
  liveLine,
  mayReport,
  optionalText,
} from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { ItemNotFound } from '../plan-structure.errors';
import type { ReportActivityProgress } from './report-activity-progress.command';

export function decideReportActivityProgress(
  { data, actor, at }: ReportActivityProgress,
  state: PlanState,
): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  inExecution(plan);
  const { activity, project } = liveActivity(plan, data.activityId);
  mayReport(actor, project);
  checkReportDate(plan, data.reportedOn, at);
  const lineId = data.budgetLineId ?? project.projectId;
  const { line } = liveLine(plan, lineId);
  if (line.projectId !== project.projectId) throw new ItemNotFound('budget_line', lineId);
  return [
    {
      type: 'ActivityProgressReported',
      data: {
        planId: plan.planId,
        projectId: project.projectId,
        activityId: activity.activityId,
        agencyCode: actor.agency,
        reportedOn: data.reportedOn,
        participantsReached: checkCounts(data.participantsReached, 'participantsReached'),
        spendSatang: checkAmount(data.spendSatang),
        budgetLineId: lineId,
        note: optionalText(data.note),
        completed: data.completed === true,
      },
    },
  ];
}
