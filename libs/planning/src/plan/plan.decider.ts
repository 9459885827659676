import { withinReach, type Decider } from '@ruamjai/kernel';
import { decideAddActivity } from './add-activity/add-activity.decide';
import { decideAddBudgetLine } from './add-budget-line/add-budget-line.decide';
import { decideAddKpi } from './add-kpi/add-kpi.decide';
import { decideAddProject } from './add-project/add-project.decide';
import { decideApproveFundRequest } from './approve-fund-request/approve-fund-request.decide';
import { decideApprovePlan } from './approve-plan/approve-plan.decide';
import { decideChangeActivity } from './change-activity/change-activity.decide';
import { decideChangeKpi } from './change-kpi/change-kpi.decide';
import { decideChangeProject } from './change-project/change-project.decide';
import { decideClosePlan } from './close-plan/close-plan.decide';
import { decideDraftPlan } from './draft-plan/draft-plan.decide';
import { decideReassignActivity } from './reassign-activity/reassign-activity.decide';
import { decideReassignBudgetLine } from './reassign-budget-line/reassign-budget-line.decide';
import { decideReassignProject } from './reassign-project/reassign-project.decide';
import { decideRecordFundDisbursement } from './record-fund-disbursement/record-fund-disbursement.decide';
import { decideRecordKpiActual } from './record-kpi-actual/record-kpi-actual.decide';
import { decideRejectFundRequest } from './reject-fund-request/reject-fund-request.decide';
import { decideReportActivityProgress } from './report-activity-progress/report-activity-progress.decide';
import { decideReturnFundRequest } from './return-fund-request/return-fund-request.decide';
import { decideReturnPlan } from './return-plan/return-plan.decide';
import { decideReviseBudgetLine } from './revise-budget-line/revise-budget-line.decide';
import { decideReviseFundRequest } from './revise-fund-request/revise-fund-request.decide';
import { decideReviseProjectBudget } from './revise-project-budget/revise-project-budget.decide';
import { decideSubmitFundRequest } from './submit-fund-request/submit-fund-request.decide';
import { decideSubmitPlan } from './submit-plan/submit-plan.decide';
import { decideWithdrawActivity } from './withdraw-activity/withdraw-activity.decide';
import { decideWithdrawBudgetLine } from './withdraw-budget-line/withdraw-budget-line.decide';
import { decideWithdrawKpi } from './withdraw-kpi/withdraw-kpi.decide';
import { decideWithdrawProject } from './withdraw-project/withdraw-project.decide';
import type { PlanCommand } from './plan.commands';
import { PlanNotFound } from './plan.errors';
import type { PlanEvent } from './plan.events';
import { evolvePlan } from './plan.evolve';
import { initialPlanState, type PlanState } from './plan.state';

export { EARLIEST_FISCAL_YEAR } from './draft-plan/draft-plan.decide';

/** Hands each command to its use case, in the folder named for it: the rules are there. */
function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  // Another province's plan is answered as an unknown one: a command must not confirm that it exists.
  if (state.status !== 'empty' && command.type !== 'DraftPlan' && !withinReach(command.actor, state.provinceCode))
    throw new PlanNotFound(command.data.planId);
  switch (command.type) {
    case 'DraftPlan':
      return decideDraftPlan(command, state);
    case 'AddProject':
      return decideAddProject(command, state);
    case 'ChangeProject':
      return decideChangeProject(command, state);
    case 'ReassignProject':
      return decideReassignProject(command, state);
    case 'WithdrawProject':
      return decideWithdrawProject(command, state);
    case 'AddActivity':
      return decideAddActivity(command, state);
    case 'ChangeActivity':
      return decideChangeActivity(command, state);
    case 'ReassignActivity':
      return decideReassignActivity(command, state);
    case 'WithdrawActivity':
      return decideWithdrawActivity(command, state);
    case 'AddKpi':
      return decideAddKpi(command, state);
    case 'ChangeKpi':
      return decideChangeKpi(command, state);
    case 'WithdrawKpi':
      return decideWithdrawKpi(command, state);
    case 'AddBudgetLine':
      return decideAddBudgetLine(command, state);
    case 'ReviseBudgetLine':
      return decideReviseBudgetLine(command, state);
    case 'ReassignBudgetLine':
      return decideReassignBudgetLine(command, state);
    case 'WithdrawBudgetLine':
      return decideWithdrawBudgetLine(command, state);
    case 'ReportActivityProgress':
      return decideReportActivityProgress(command, state);
    case 'RecordKpiActual':
      return decideRecordKpiActual(command, state);
    case 'ReviseProjectBudget':
      return decideReviseProjectBudget(command, state);
    case 'SubmitPlan':
      return decideSubmitPlan(command, state);
    case 'ReturnPlan':
      return decideReturnPlan(command, state);
    case 'ApprovePlan':
      return decideApprovePlan(command, state);
    case 'ClosePlan':
      return decideClosePlan(command, state);
    case 'SubmitFundRequest':
      return decideSubmitFundRequest(command, state);
    case 'ReturnFundRequest':
      return decideReturnFundRequest(command, state);
    case 'ReviseFundRequest':
      return decideReviseFundRequest(command, state);
    case 'ApproveFundRequest':
      return decideApproveFundRequest(command, state);
    case 'RejectFundRequest':
      return decideRejectFundRequest(command, state);
    case 'RecordFundDisbursement':
      return decideRecordFundDisbursement(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const planDecider: Decider<PlanCommand, PlanState, PlanEvent> = {
  initialState: initialPlanState,
  decide,
  evolve: evolvePlan,
};

export const planStreamId = (planId: string): string => `plan-${planId}`;
