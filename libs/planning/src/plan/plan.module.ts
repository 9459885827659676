import { PlanCommands } from './plan.commands.handler';
import { DraftPlanHandler } from './draft-plan/draft-plan.handler';
import { AddProjectHandler } from './add-project/add-project.handler';
import { ChangeProjectHandler } from './change-project/change-project.handler';
import { ReassignProjectHandler } from './reassign-project/reassign-project.handler';
import { WithdrawProjectHandler } from './withdraw-project/withdraw-project.handler';
import { AddActivityHandler } from './add-activity/add-activity.handler';
import { ChangeActivityHandler } from './change-activity/change-activity.handler';
import { ReassignActivityHandler } from './reassign-activity/reassign-activity.handler';
import { WithdrawActivityHandler } from './withdraw-activity/withdraw-activity.handler';
import { AddKpiHandler } from './add-kpi/add-kpi.handler';
import { ChangeKpiHandler } from './change-kpi/change-kpi.handler';
import { WithdrawKpiHandler } from './withdraw-kpi/withdraw-kpi.handler';
import { AddBudgetLineHandler } from './add-budget-line/add-budget-line.handler';
import { ReviseBudgetLineHandler } from './revise-budget-line/revise-budget-line.handler';
import { ReassignBudgetLineHandler } from './reassign-budget-line/reassign-budget-line.handler';
import { WithdrawBudgetLineHandler } from './withdraw-budget-line/withdraw-budget-line.handler';
import { ReportActivityProgressHandler } from './report-activity-progress/report-activity-progress.handler';
import { RecordKpiActualHandler } from './record-kpi-actual/record-kpi-actual.handler';
import { ReviseProjectBudgetHandler } from './revise-project-budget/revise-project-budget.handler';
import { SubmitPlanHandler } from './submit-plan/submit-plan.handler';
import { ReturnPlanHandler } from './return-plan/return-plan.handler';
import { ApprovePlanHandler } from './approve-plan/approve-plan.handler';
import { ClosePlanHandler } from './close-plan/close-plan.handler';
import { SubmitFundRequestHandler } from './submit-fund-request/submit-fund-request.handler';
import { ReturnFundRequestHandler } from './return-fund-request/return-fund-request.handler';
import { ReviseFundRequestHandler } from './revise-fund-request/revise-fund-request.handler';
import { ApproveFundRequestHandler } from './approve-fund-request/approve-fund-request.handler';
import { RejectFundRequestHandler } from './reject-fund-request/reject-fund-request.handler';
import { RecordFundDisbursementHandler } from './record-fund-disbursement/record-fund-disbursement.handler';

/** The plan's command handlers and the executor they share, for the planning module to provide. */
export const PLAN_HANDLERS = [
  PlanCommands,
  DraftPlanHandler,
  AddProjectHandler,
  ChangeProjectHandler,
  ReassignProjectHandler,
  WithdrawProjectHandler,
  AddActivityHandler,
  ChangeActivityHandler,
  ReassignActivityHandler,
  WithdrawActivityHandler,
  AddKpiHandler,
  ChangeKpiHandler,
  WithdrawKpiHandler,
  AddBudgetLineHandler,
  ReviseBudgetLineHandler,
  ReassignBudgetLineHandler,
  WithdrawBudgetLineHandler,
  ReportActivityProgressHandler,
  RecordKpiActualHandler,
  ReviseProjectBudgetHandler,
  SubmitPlanHandler,
  ReturnPlanHandler,
  ApprovePlanHandler,
  ClosePlanHandler,
  SubmitFundRequestHandler,
  ReturnFundRequestHandler,
  ReviseFundRequestHandler,
  ApproveFundRequestHandler,
  RejectFundRequestHandler,
  RecordFundDisbursementHandler,
];
