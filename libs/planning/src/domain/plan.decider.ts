import { emptyMap, fiscalYearOf, fiscalYearRange, type Decider } from '@ruamjai/kernel';
import type { AddProject, ApprovePlan, ClosePlan, DraftPlan, PlanCommand, ReturnPlan, ReviseProjectBudget, SubmitPlan } from './plan.commands';
import {
  FundAmountInvalid,
  FundRequestAlreadyExists,
  FundRequestIllegalTransition,
  FundRequestNotFound,
  BudgetUnchanged,
  FiscalYearNotOver,
  IllegalTransition,
  MeetingReferenceInvalid,
  PlanHasNoProjects,
  PlanNotEditable,
  DistrictNotInProvince,
  FiscalYearOutOfRange,
  InvalidBudget,
  PlanAlreadyExists,
  PlanNotFound,
  ProjectAlreadyExists,
  ProjectNotFound,
  ReasonRequired,
  UnknownProvince,
} from './plan.errors';
import type { PlanEvent } from './plan.events';
import { initialPlanState, type FundRequestState, type PlanState } from './plan.state';
import { requireActive } from './agency/agency';
import { PROVINCES } from './provinces';

/** The first fiscal year a plan can cover: the Anti-Trafficking in Persons Act is B.E. 2551. */
export const EARLIEST_FISCAL_YEAR = 2551;

type Existing = Exclude<PlanState, { status: 'empty' }>;

function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan':
      return draftPlan(command, state);
    case 'AddProject':
      return change(existing(state, command.data.planId), command.data.reason, (plan) => addProject(command, plan));
    case 'ReviseProjectBudget':
      return change(existing(state, command.data.planId), command.data.reason, (plan) => reviseProjectBudget(command, plan));
    case 'SubmitPlan':
      return submitPlan(command, existing(state, command.data.planId));
    case 'ReturnPlan':
      return returnPlan(command, existing(state, command.data.planId));
    case 'ApprovePlan':
      return approvePlan(command, existing(state, command.data.planId));
    case 'ClosePlan':
      return closePlan(command, existing(state, command.data.planId));
    case 'SubmitFundRequest':
    case 'ReturnFundRequest':
    case 'ReviseFundRequest':
    case 'ApproveFundRequest':
    case 'RejectFundRequest':
    case 'RecordFundDisbursement':
      return decideFund(command, existing(state, command.data.planId));
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function existing(state: PlanState, planId: string): Existing {
  if (state.status === 'empty') throw new PlanNotFound(planId);
  return state;
}

/**
 * A change to the plan's content. While drafting it is simply made; a submitted plan is locked
 * until the chair returns it; after approval every change needs a reason and makes the next edition.
 */
function change(plan: Existing, reason: string | undefined, make: (plan: Existing) => PlanEvent[]): PlanEvent[] {
  switch (plan.status) {
    case 'drafting':
      return make(plan);
    case 'submitted':
    case 'closed':
      throw new PlanNotEditable(plan.status);
    case 'approved':
    case 'amended': {
      if (!reason?.trim()) throw new ReasonRequired();
      return [...make(plan), { type: 'PlanAmended', data: { planId: plan.planId, edition: plan.edition + 1, reason: reason.trim() } }];
    }
    default: {
      const _: never = plan.status;
      throw new Error(`unknown status ${String(_)}`);
    }
  }
}

function submitPlan({ type }: SubmitPlan, plan: Existing): PlanEvent[] {
  if (plan.status !== 'drafting') throw new IllegalTransition(plan.status, type);
  if (plan.projects.size === 0) throw new PlanHasNoProjects();
  return [{ type: 'PlanSubmitted', data: { planId: plan.planId } }];
}

function returnPlan({ type, data }: ReturnPlan, plan: Existing): PlanEvent[] {
  if (plan.status !== 'submitted') throw new IllegalTransition(plan.status, type);
  if (!data.reason?.trim()) throw new ReasonRequired();
  return [{ type: 'PlanReturned', data: { planId: plan.planId, reason: data.reason.trim() } }];
}

const MEETING = /^ครั้งที่\s*\d{1,3}\/\d{4}$/;

function approvePlan({ type, data }: ApprovePlan, plan: Existing): PlanEvent[] {
  // A submitted plan becomes edition 1; an amended one is approved at the edition it has reached.
  if (plan.status !== 'submitted' && plan.status !== 'amended') throw new IllegalTransition(plan.status, type);
  const reference = data.meetingReference.trim();
  if (!MEETING.test(reference)) throw new MeetingReferenceInvalid(data.meetingReference);
  const edition = plan.status === 'submitted' ? 1 : plan.edition;
  return [{ type: 'PlanApproved', data: { planId: plan.planId, edition, meetingReference: reference, meetingDate: data.meetingDate } }];
}

function closePlan({ type, data, at }: ClosePlan, plan: Existing): PlanEvent[] {
  if (plan.status !== 'approved' && plan.status !== 'amended') throw new IllegalTransition(plan.status, type);
  const { end } = fiscalYearRange(plan.fiscalYear);
  if (fiscalYearOf(at) <= plan.fiscalYear) throw new FiscalYearNotOver(plan.fiscalYear, end);
  if (!data.resultsSummary?.trim()) throw new ReasonRequired();
  return [{ type: 'PlanClosed', data: { planId: plan.planId, resultsSummary: data.resultsSummary.trim() } }];
}

function draftPlan({ data, at }: DraftPlan, state: PlanState): PlanEvent[] {
  if (state.status !== 'empty') throw new PlanAlreadyExists(data.planId);
  if (!PROVINCES[data.provinceCode]) throw new UnknownProvince(data.provinceCode);
  // Plans are written for the coming year at the latest; older ones are entered for the record.
  const latest = fiscalYearOf(at) + 1;
  if (data.fiscalYear < EARLIEST_FISCAL_YEAR || data.fiscalYear > latest) {
    throw new FiscalYearOutOfRange(data.fiscalYear, EARLIEST_FISCAL_YEAR, latest);
  }
  return [
    {
      type: 'PlanDrafted',
      data: { planId: data.planId, provinceCode: data.provinceCode, fiscalYear: data.fiscalYear, titleTh: data.titleTh, titleEn: data.titleEn ?? null },
    },
  ];
}

function addProject({ data, leadAgency }: AddProject, state: Existing): PlanEvent[] {
  if (state.projects.has(data.projectId)) throw new ProjectAlreadyExists(data.projectId);
  requireActive(data.leadAgencyCode, leadAgency);
  checkBudget(data.requestedBudgetSatang);
  const districts = new Set(PROVINCES[state.provinceCode].districts.map((d) => d.code));
  const foreign = data.districtCodes.filter((code) => !districts.has(code));
  if (foreign.length > 0) throw new DistrictNotInProvince(foreign, state.provinceCode);
  return [
    {
      type: 'ProjectAdded',
      data: {
        planId: data.planId,
        projectId: data.projectId,
        titleTh: data.titleTh,
        titleEn: data.titleEn ?? null,
        leadAgencyCode: data.leadAgencyCode,
        districtCodes: [...new Set(data.districtCodes)],
        requestedBudgetSatang: data.requestedBudgetSatang,
        fundingSource: data.fundingSource,
      },
    },
  ];
}

function reviseProjectBudget({ data }: ReviseProjectBudget, state: Existing): PlanEvent[] {
  const project = state.projects.get(data.projectId);
  if (!project) throw new ProjectNotFound(data.projectId);
  checkBudget(data.requestedBudgetSatang);
  if (!data.reason?.trim()) throw new ReasonRequired();
  if (project.requestedBudgetSatang === data.requestedBudgetSatang) throw new BudgetUnchanged(data.projectId, data.requestedBudgetSatang);
  return [
    {
      type: 'ProjectBudgetRevised',
      data: {
        planId: data.planId,
        projectId: data.projectId,
        previousBudgetSatang: project.requestedBudgetSatang,
        requestedBudgetSatang: data.requestedBudgetSatang,
        reason: data.reason.trim(),
      },
    },
  ];
}

type FundCommand = Extract<PlanCommand, { type: `${string}Fund${string}` }>;
/** The largest single amount the system takes: ten billion baht, well past any provincial project. */
const MAX_SATANG = 1_000_000_000_000;

function amount(value: number, limit: number, what: string): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > limit) throw new FundAmountInvalid(value, limit, what);
  return value;
}

/**
 * Requests to the national Anti-Trafficking Fund for a project: submitted → returned for revision
 * → revised (submitted again) → approved, possibly for less, or rejected → disbursed in one or more
 * payments up to the approved amount. A closed plan takes no more Fund business.
 */
function decideFund(command: FundCommand, plan: Existing): PlanEvent[] {
  if (plan.status === 'closed') throw new PlanNotEditable(plan.status);
  const { planId } = plan;
  if (command.type === 'SubmitFundRequest') {
    const { projectId, requestId, justification, category } = command.data;
    if (!plan.projects.has(projectId)) throw new ProjectNotFound(projectId);
    if (plan.fundRequests.has(requestId)) throw new FundRequestAlreadyExists(requestId);
    if (!justification?.trim()) throw new ReasonRequired();
    return [{ type: 'FundRequestSubmitted', data: { planId, projectId, requestId, amountSatang: amount(command.data.amountSatang, MAX_SATANG, 'request'), justification: justification.trim(), category } }];
  }
  const request = plan.fundRequests.get(command.data.requestId);
  if (!request) throw new FundRequestNotFound(command.data.requestId);
  const { projectId, requestId } = request;
  const expect = (...statuses: FundRequestState['status'][]) => {
    if (!statuses.includes(request.status)) throw new FundRequestIllegalTransition(request.status, command.type);
  };
  switch (command.type) {
    case 'ReturnFundRequest':
      expect('submitted');
      if (!command.data.reason?.trim()) throw new ReasonRequired();
      return [{ type: 'FundRequestReturned', data: { planId, projectId, requestId, reason: command.data.reason.trim() } }];
    case 'ReviseFundRequest':
      expect('returned');
      if (!command.data.justification?.trim()) throw new ReasonRequired();
      return [{ type: 'FundRequestRevised', data: { planId, projectId, requestId, amountSatang: amount(command.data.amountSatang, MAX_SATANG, 'request'), justification: command.data.justification.trim() } }];
    case 'ApproveFundRequest':
      expect('submitted');
      return [{ type: 'FundRequestApproved', data: { planId, projectId, requestId, requestedSatang: request.amountSatang, approvedSatang: amount(command.data.approvedAmountSatang, request.amountSatang, 'approval') } }];
    case 'RejectFundRequest':
      expect('submitted');
      if (!command.data.reason?.trim()) throw new ReasonRequired();
      return [{ type: 'FundRequestRejected', data: { planId, projectId, requestId, reason: command.data.reason.trim() } }];
    case 'RecordFundDisbursement': {
      expect('approved');
      const paid = amount(command.data.amountSatang, request.approvedSatang - request.disbursedSatang, 'disbursement');
      return [{ type: 'FundDisbursed', data: { planId, projectId, requestId, amountSatang: paid, disbursedSatang: request.disbursedSatang + paid } }];
    }
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function checkBudget(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new InvalidBudget(amount);
}

function evolve(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted':
      return { status: 'drafting', planId: event.data.planId, provinceCode: event.data.provinceCode, fiscalYear: event.data.fiscalYear, edition: 0, projects: emptyMap(), fundRequests: emptyMap() };
    case 'PlanSubmitted':
      return { ...existing(state, event.data.planId), status: 'submitted' };
    case 'PlanReturned':
      return { ...existing(state, event.data.planId), status: 'drafting' };
    case 'PlanApproved':
      return { ...existing(state, event.data.planId), status: 'approved', edition: event.data.edition };
    case 'PlanAmended':
      return { ...existing(state, event.data.planId), status: 'amended', edition: event.data.edition };
    case 'PlanClosed':
      return { ...existing(state, event.data.planId), status: 'closed' };
    case 'FundRequestSubmitted': {
      const plan = existing(state, event.data.planId);
      const { requestId, projectId, amountSatang } = event.data;
      return { ...plan, fundRequests: plan.fundRequests.set(requestId, { requestId, projectId, status: 'submitted', amountSatang, approvedSatang: 0, disbursedSatang: 0 }) };
    }
    case 'FundRequestReturned':
    case 'FundRequestRevised':
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundDisbursed': {
      const plan = existing(state, event.data.planId);
      const request = plan.fundRequests.get(event.data.requestId)!;
      return { ...plan, fundRequests: plan.fundRequests.set(request.requestId, evolveFundRequest(request, event)) };
    }
    case 'ProjectAdded': {
      const plan = existing(state, event.data.planId);
      const { projectId, districtCodes, requestedBudgetSatang, fundingSource } = event.data;
      return { ...plan, projects: plan.projects.set(projectId, { projectId, districtCodes, requestedBudgetSatang, fundingSource }) };
    }
    case 'ProjectBudgetRevised': {
      const plan = existing(state, event.data.planId);
      const project = plan.projects.get(event.data.projectId)!;
      return { ...plan, projects: plan.projects.set(project.projectId, { ...project, requestedBudgetSatang: event.data.requestedBudgetSatang }) };
    }
    default: {
      const _: never = event;
      return state;
    }
  }
}

function evolveFundRequest(request: FundRequestState, event: Extract<PlanEvent, { type: 'FundRequestReturned' | 'FundRequestRevised' | 'FundRequestApproved' | 'FundRequestRejected' | 'FundDisbursed' }>): FundRequestState {
  switch (event.type) {
    case 'FundRequestReturned':
      return { ...request, status: 'returned' };
    case 'FundRequestRevised':
      return { ...request, status: 'submitted', amountSatang: event.data.amountSatang };
    case 'FundRequestApproved':
      return { ...request, status: 'approved', approvedSatang: event.data.approvedSatang };
    case 'FundRequestRejected':
      return { ...request, status: 'rejected' };
    case 'FundDisbursed':
      return { ...request, disbursedSatang: event.data.disbursedSatang };
    default: {
      const _: never = event;
      return request;
    }
  }
}

export const planDecider: Decider<PlanCommand, PlanState, PlanEvent> = { initialState: initialPlanState, decide, evolve };

export const planStreamId = (planId: string): string => `plan-${planId}`;
