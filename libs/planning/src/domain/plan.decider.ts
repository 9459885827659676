import { fiscalYearOf, fiscalYearRange, type Decider } from '@ruamjai/kernel';
import type {
  AddProject,
  ApprovePlan,
  ClosePlan,
  DraftPlan,
  PlanCommand,
  ReturnPlan,
  ReviseProjectBudget,
  SubmitPlan,
} from './plan.commands';
import { evolvePlan } from './plan.evolve';
import {
  addActivity,
  addBudgetLine,
  addKpi,
  changeActivity,
  changeKpi,
  changeProject,
  checkDistricts,
  liveProject,
  mayChange,
  reassignActivity,
  reassignBudgetLine,
  reassignProject,
  recordKpiActual,
  reportActivityProgress,
  reviseBudgetLine,
  withdrawActivity,
  withdrawBudgetLine,
  withdrawKpi,
  withdrawProject,
} from './plan-structure.decide';
import { NotOwnAgencyProject, TextRequired } from './plan-structure.errors';
import {
  FundAmountInvalid,
  FundRequestAlreadyExists,
  FundRequestIllegalTransition,
  FundRequestNotFound,
  FiscalYearNotOver,
  IllegalTransition,
  MeetingReferenceInvalid,
  PlanHasNoProjects,
  PlanNotEditable,
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
import { initialPlanState, type ExistingPlan, type FundRequestState, type PlanState } from './plan.state';
import { requireActive } from './agency/agency';
import { PROVINCES } from './provinces';

/** The first fiscal year a plan can cover: the Anti-Trafficking in Persons Act is B.E. 2551. */
export const EARLIEST_FISCAL_YEAR = 2551;

type Existing = ExistingPlan;

/** Content changes: while drafting they are made; after approval each is an amendment with a reason. */
type ContentCommand = Exclude<
  PlanCommand,
  {
    type:
      | 'DraftPlan'
      | 'SubmitPlan'
      | 'ReturnPlan'
      | 'ApprovePlan'
      | 'ClosePlan'
      | FundCommand['type']
      | 'ReportActivityProgress'
      | 'RecordKpiActual';
  }
>;

function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan':
      return draftPlan(command, state);
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
    case 'ReportActivityProgress':
      return reportActivityProgress(command, existing(state, command.data.planId));
    case 'RecordKpiActual':
      return recordKpiActual(command, existing(state, command.data.planId));
    default: {
      const plan = existing(state, command.data.planId);
      return change(plan, 'reason' in command.data ? command.data.reason : undefined, () =>
        decideContent(command, plan),
      );
    }
  }
}

function decideContent(command: ContentCommand, plan: Existing): PlanEvent[] {
  switch (command.type) {
    case 'AddProject':
      return addProject(command, plan);
    case 'ReviseProjectBudget':
      return reviseProjectBudget(command, plan);
    case 'ChangeProject':
      return changeProject(command, plan);
    case 'ReassignProject':
      return reassignProject(command, plan);
    case 'WithdrawProject':
      return withdrawProject(command, plan);
    case 'AddActivity':
      return addActivity(command, plan);
    case 'ChangeActivity':
      return changeActivity(command, plan);
    case 'ReassignActivity':
      return reassignActivity(command, plan);
    case 'WithdrawActivity':
      return withdrawActivity(command, plan);
    case 'AddKpi':
      return addKpi(command, plan);
    case 'ChangeKpi':
      return changeKpi(command, plan);
    case 'WithdrawKpi':
      return withdrawKpi(command, plan);
    case 'AddBudgetLine':
      return addBudgetLine(command, plan);
    case 'ReviseBudgetLine':
      return reviseBudgetLine(command, plan);
    case 'ReassignBudgetLine':
      return reassignBudgetLine(command, plan);
    case 'WithdrawBudgetLine':
      return withdrawBudgetLine(command, plan);
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
function change(plan: Existing, reason: string | undefined, make: () => PlanEvent[]): PlanEvent[] {
  switch (plan.status) {
    case 'drafting':
      return make();
    case 'submitted':
    case 'closed':
      throw new PlanNotEditable(plan.status);
    case 'approved':
    case 'amended': {
      // Who may change comes before why: an officer refused after approval hears that, not "give a reason".
      const events = make();
      if (!reason?.trim()) throw new ReasonRequired();
      return [
        ...events,
        { type: 'PlanAmended', data: { planId: plan.planId, edition: plan.edition + 1, reason: reason.trim() } },
      ];
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
  return [
    {
      type: 'PlanApproved',
      data: { planId: plan.planId, edition, meetingReference: reference, meetingDate: data.meetingDate },
    },
  ];
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
      data: {
        planId: data.planId,
        provinceCode: data.provinceCode,
        fiscalYear: data.fiscalYear,
        titleTh: data.titleTh,
        titleEn: data.titleEn ?? null,
      },
    },
  ];
}

function addProject({ data, actor, agencies }: AddProject, plan: Existing): PlanEvent[] {
  mayChange(actor, plan, data.leadAgencyCode, data.projectId);
  if (plan.projects.has(data.projectId) || plan.budgetLines.has(data.projectId))
    throw new ProjectAlreadyExists(data.projectId);
  const participating = [...new Set(data.participatingAgencyCodes ?? [])].filter(
    (code) => code !== data.leadAgencyCode,
  );
  for (const code of [data.leadAgencyCode, ...participating])
    requireActive(code, agencies[code] ?? { status: 'unknown' });
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
}

/** The project's requested budget is its first budget line. */
function reviseProjectBudget({ data, actor, at }: ReviseProjectBudget, plan: Existing): PlanEvent[] {
  if (!plan.projects.has(data.projectId)) throw new ProjectNotFound(data.projectId);
  return reviseBudgetLine(
    {
      type: 'ReviseBudgetLine',
      actor,
      at,
      data: {
        planId: data.planId,
        lineId: data.projectId,
        amountSatang: data.requestedBudgetSatang,
        reason: data.reason,
      },
    },
    plan,
  );
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
    const project = liveProject(plan, projectId);
    if (command.actor.role === 'agency_officer' && project.leadAgencyCode !== command.actor.agency)
      throw new NotOwnAgencyProject(command.actor.agency, projectId);
    if (plan.fundRequests.has(requestId)) throw new FundRequestAlreadyExists(requestId);
    if (!justification?.trim()) throw new ReasonRequired();
    return [
      {
        type: 'FundRequestSubmitted',
        data: {
          planId,
          projectId,
          requestId,
          amountSatang: amount(command.data.amountSatang, MAX_SATANG, 'request'),
          justification: justification.trim(),
          category,
        },
      },
    ];
  }
  const request = plan.fundRequests.get(command.data.requestId);
  if (!request) throw new FundRequestNotFound(command.data.requestId);
  const { projectId, requestId } = request;
  if (command.actor.role === 'agency_officer' && plan.projects.get(projectId)?.leadAgencyCode !== command.actor.agency)
    throw new NotOwnAgencyProject(command.actor.agency, projectId);
  const expect = (...statuses: FundRequestState['status'][]) => {
    if (!statuses.includes(request.status)) throw new FundRequestIllegalTransition(request.status, command.type);
  };
  switch (command.type) {
    case 'ReturnFundRequest':
      expect('submitted');
      if (!command.data.reason?.trim()) throw new ReasonRequired();
      return [
        { type: 'FundRequestReturned', data: { planId, projectId, requestId, reason: command.data.reason.trim() } },
      ];
    case 'ReviseFundRequest':
      expect('returned');
      if (!command.data.justification?.trim()) throw new ReasonRequired();
      return [
        {
          type: 'FundRequestRevised',
          data: {
            planId,
            projectId,
            requestId,
            amountSatang: amount(command.data.amountSatang, MAX_SATANG, 'request'),
            justification: command.data.justification.trim(),
          },
        },
      ];
    case 'ApproveFundRequest':
      expect('submitted');
      return [
        {
          type: 'FundRequestApproved',
          data: {
            planId,
            projectId,
            requestId,
            requestedSatang: request.amountSatang,
            approvedSatang: amount(command.data.approvedAmountSatang, request.amountSatang, 'approval'),
          },
        },
      ];
    case 'RejectFundRequest':
      expect('submitted');
      if (!command.data.reason?.trim()) throw new ReasonRequired();
      return [
        { type: 'FundRequestRejected', data: { planId, projectId, requestId, reason: command.data.reason.trim() } },
      ];
    case 'RecordFundDisbursement': {
      expect('approved');
      const paid = amount(command.data.amountSatang, request.approvedSatang - request.disbursedSatang, 'disbursement');
      return [
        {
          type: 'FundDisbursed',
          data: { planId, projectId, requestId, amountSatang: paid, disbursedSatang: request.disbursedSatang + paid },
        },
      ];
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

export const planDecider: Decider<PlanCommand, PlanState, PlanEvent> = {
  initialState: initialPlanState,
  decide,
  evolve: evolvePlan,
};

export const planStreamId = (planId: string): string => `plan-${planId}`;
