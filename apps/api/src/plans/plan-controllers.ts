import { AddActivityController } from './add-activity/add-activity.http.controller';
import { AddBudgetLineController } from './add-budget-line/add-budget-line.http.controller';
import { AddKpiController } from './add-kpi/add-kpi.http.controller';
import { AddProjectController } from './add-project/add-project.http.controller';
import { ApproveFundRequestController } from './approve-fund-request/approve-fund-request.http.controller';
import { ApprovePlanController } from './approve-plan/approve-plan.http.controller';
import { ChangeActivityController } from './change-activity/change-activity.http.controller';
import { ChangeKpiController } from './change-kpi/change-kpi.http.controller';
import { ChangeProjectController } from './change-project/change-project.http.controller';
import { ClosePlanController } from './close-plan/close-plan.http.controller';
import { ComparePlanRevisionsController } from './compare-plan-revisions/compare-plan-revisions.http.controller';
import { DraftPlanController } from './draft-plan/draft-plan.http.controller';
import { GetPlanHistoryController } from './get-plan-history/get-plan-history.http.controller';
import { GetPlanController } from './get-plan/get-plan.http.controller';
import { ReassignActivityController } from './reassign-activity/reassign-activity.http.controller';
import { ReassignBudgetLineController } from './reassign-budget-line/reassign-budget-line.http.controller';
import { ReassignProjectController } from './reassign-project/reassign-project.http.controller';
import { RecordFundDisbursementController } from './record-fund-disbursement/record-fund-disbursement.http.controller';
import { RecordKpiActualController } from './record-kpi-actual/record-kpi-actual.http.controller';
import { RejectFundRequestController } from './reject-fund-request/reject-fund-request.http.controller';
import { ReportActivityProgressController } from './report-activity-progress/report-activity-progress.http.controller';
import { ReturnFundRequestController } from './return-fund-request/return-fund-request.http.controller';
import { ReturnPlanController } from './return-plan/return-plan.http.controller';
import { ReviseBudgetLineController } from './revise-budget-line/revise-budget-line.http.controller';
import { ReviseFundRequestController } from './revise-fund-request/revise-fund-request.http.controller';
import { ReviseProjectBudgetController } from './revise-project-budget/revise-project-budget.http.controller';
import { SubmitFundRequestController } from './submit-fund-request/submit-fund-request.http.controller';
import { SubmitPlanController } from './submit-plan/submit-plan.http.controller';
import { WithdrawActivityController } from './withdraw-activity/withdraw-activity.http.controller';
import { WithdrawBudgetLineController } from './withdraw-budget-line/withdraw-budget-line.http.controller';
import { WithdrawKpiController } from './withdraw-kpi/withdraw-kpi.http.controller';
import { WithdrawProjectController } from './withdraw-project/withdraw-project.http.controller';

/**
 * The plan's HTTP surface, one controller per use case, listed once so the app module takes it in
 * one line. The order is the OpenAPI document's: the console's generated client follows it.
 */
export const PLAN_CONTROLLERS = [
  DraftPlanController,
  AddProjectController,
  ReviseProjectBudgetController,
  GetPlanController,
  GetPlanHistoryController,
  ComparePlanRevisionsController,
  SubmitPlanController,
  ReturnPlanController,
  ApprovePlanController,
  ClosePlanController,
  SubmitFundRequestController,
  ReturnFundRequestController,
  ReviseFundRequestController,
  ApproveFundRequestController,
  RejectFundRequestController,
  RecordFundDisbursementController,
  ChangeProjectController,
  ReassignProjectController,
  WithdrawProjectController,
  AddActivityController,
  ChangeActivityController,
  ReassignActivityController,
  WithdrawActivityController,
  AddKpiController,
  ChangeKpiController,
  WithdrawKpiController,
  AddBudgetLineController,
  ReviseBudgetLineController,
  ReassignBudgetLineController,
  WithdrawBudgetLineController,
  ReportActivityProgressController,
  RecordKpiActualController,
];
