/**
 * Every plan command: the union of the use cases' commands, each defined in its own folder.
 * The types several commands share are in plan.command-base.ts.
 */
import type { DraftPlan } from './draft-plan/draft-plan.command';
import type { AddProject } from './add-project/add-project.command';
import type { ChangeProject } from './change-project/change-project.command';
import type { ReassignProject } from './reassign-project/reassign-project.command';
import type { WithdrawProject } from './withdraw-project/withdraw-project.command';
import type { AddActivity } from './add-activity/add-activity.command';
import type { ChangeActivity } from './change-activity/change-activity.command';
import type { ReassignActivity } from './reassign-activity/reassign-activity.command';
import type { WithdrawActivity } from './withdraw-activity/withdraw-activity.command';
import type { AddKpi } from './add-kpi/add-kpi.command';
import type { ChangeKpi } from './change-kpi/change-kpi.command';
import type { WithdrawKpi } from './withdraw-kpi/withdraw-kpi.command';
import type { AddBudgetLine } from './add-budget-line/add-budget-line.command';
import type { ReviseBudgetLine } from './revise-budget-line/revise-budget-line.command';
import type { ReassignBudgetLine } from './reassign-budget-line/reassign-budget-line.command';
import type { WithdrawBudgetLine } from './withdraw-budget-line/withdraw-budget-line.command';
import type { ReportActivityProgress } from './report-activity-progress/report-activity-progress.command';
import type { RecordKpiActual } from './record-kpi-actual/record-kpi-actual.command';
import type { ReviseProjectBudget } from './revise-project-budget/revise-project-budget.command';
import type { SubmitPlan } from './submit-plan/submit-plan.command';
import type { ReturnPlan } from './return-plan/return-plan.command';
import type { ApprovePlan } from './approve-plan/approve-plan.command';
import type { ClosePlan } from './close-plan/close-plan.command';
import type { SubmitFundRequest } from './submit-fund-request/submit-fund-request.command';
import type { ReturnFundRequest } from './return-fund-request/return-fund-request.command';
import type { ReviseFundRequest } from './revise-fund-request/revise-fund-request.command';
import type { ApproveFundRequest } from './approve-fund-request/approve-fund-request.command';
import type { RejectFundRequest } from './reject-fund-request/reject-fund-request.command';
import type { RecordFundDisbursement } from './record-fund-disbursement/record-fund-disbursement.command';

export type { AgencyFacts } from './plan.command-base';
export type { DraftPlan } from './draft-plan/draft-plan.command';
export type { AddProject } from './add-project/add-project.command';
export type { ChangeProject } from './change-project/change-project.command';
export type { ReassignProject } from './reassign-project/reassign-project.command';
export type { WithdrawProject } from './withdraw-project/withdraw-project.command';
export type { AddActivity } from './add-activity/add-activity.command';
export type { ChangeActivity } from './change-activity/change-activity.command';
export type { ReassignActivity } from './reassign-activity/reassign-activity.command';
export type { WithdrawActivity } from './withdraw-activity/withdraw-activity.command';
export type { AddKpi } from './add-kpi/add-kpi.command';
export type { ChangeKpi } from './change-kpi/change-kpi.command';
export type { WithdrawKpi } from './withdraw-kpi/withdraw-kpi.command';
export type { AddBudgetLine } from './add-budget-line/add-budget-line.command';
export type { ReviseBudgetLine } from './revise-budget-line/revise-budget-line.command';
export type { ReassignBudgetLine } from './reassign-budget-line/reassign-budget-line.command';
export type { WithdrawBudgetLine } from './withdraw-budget-line/withdraw-budget-line.command';
export type { ReportActivityProgress } from './report-activity-progress/report-activity-progress.command';
export type { RecordKpiActual } from './record-kpi-actual/record-kpi-actual.command';
export type { ReviseProjectBudget } from './revise-project-budget/revise-project-budget.command';
export type { SubmitPlan } from './submit-plan/submit-plan.command';
export type { ReturnPlan } from './return-plan/return-plan.command';
export type { ApprovePlan } from './approve-plan/approve-plan.command';
export type { ClosePlan } from './close-plan/close-plan.command';
export type { SubmitFundRequest } from './submit-fund-request/submit-fund-request.command';
export type { ReturnFundRequest } from './return-fund-request/return-fund-request.command';
export type { ReviseFundRequest } from './revise-fund-request/revise-fund-request.command';
export type { ApproveFundRequest } from './approve-fund-request/approve-fund-request.command';
export type { RejectFundRequest } from './reject-fund-request/reject-fund-request.command';
export type { RecordFundDisbursement } from './record-fund-disbursement/record-fund-disbursement.command';

export type PlanCommand =
  | DraftPlan
  | AddProject
  | ChangeProject
  | ReassignProject
  | WithdrawProject
  | AddActivity
  | ChangeActivity
  | ReassignActivity
  | WithdrawActivity
  | AddKpi
  | ChangeKpi
  | WithdrawKpi
  | AddBudgetLine
  | ReviseBudgetLine
  | ReassignBudgetLine
  | WithdrawBudgetLine
  | ReportActivityProgress
  | RecordKpiActual
  | ReviseProjectBudget
  | SubmitPlan
  | ReturnPlan
  | ApprovePlan
  | ClosePlan
  | SubmitFundRequest
  | ReturnFundRequest
  | ReviseFundRequest
  | ApproveFundRequest
  | RejectFundRequest
  | RecordFundDisbursement;
