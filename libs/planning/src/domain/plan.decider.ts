import { fiscalYearOf, type Decider } from '@ruamjai/kernel';
import type { AddProject, DraftPlan, PlanCommand, ReviseProjectBudget } from './plan.commands';
import {
  BudgetUnchanged,
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
import { initialPlanState, type PlanState } from './plan.state';
import { PROVINCES } from './provinces';

/** The first fiscal year a plan can cover: the Anti-Trafficking in Persons Act is B.E. 2551. */
export const EARLIEST_FISCAL_YEAR = 2551;

type Drafting = Extract<PlanState, { status: 'drafting' }>;

function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan':
      return draftPlan(command, state);
    case 'AddProject':
      return addProject(command, existing(state, command.data.planId));
    case 'ReviseProjectBudget':
      return reviseProjectBudget(command, existing(state, command.data.planId));
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function existing(state: PlanState, planId: string): Drafting {
  if (state.status === 'empty') throw new PlanNotFound(planId);
  return state;
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

function addProject({ data }: AddProject, state: Drafting): PlanEvent[] {
  if (state.projects[data.projectId]) throw new ProjectAlreadyExists(data.projectId);
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

function reviseProjectBudget({ data }: ReviseProjectBudget, state: Drafting): PlanEvent[] {
  const project = state.projects[data.projectId];
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

function checkBudget(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new InvalidBudget(amount);
}

function evolve(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDrafted':
      return { status: 'drafting', planId: event.data.planId, provinceCode: event.data.provinceCode, fiscalYear: event.data.fiscalYear, projects: {} };
    case 'ProjectAdded': {
      const plan = existing(state, event.data.planId);
      const { projectId, districtCodes, requestedBudgetSatang, fundingSource } = event.data;
      return { ...plan, projects: { ...plan.projects, [projectId]: { projectId, districtCodes, requestedBudgetSatang, fundingSource } } };
    }
    case 'ProjectBudgetRevised': {
      const plan = existing(state, event.data.planId);
      const project = plan.projects[event.data.projectId];
      return { ...plan, projects: { ...plan.projects, [project.projectId]: { ...project, requestedBudgetSatang: event.data.requestedBudgetSatang } } };
    }
    default: {
      const _: never = event;
      return state;
    }
  }
}

export const planDecider: Decider<PlanCommand, PlanState, PlanEvent> = { initialState: initialPlanState, decide, evolve };

export const planStreamId = (planId: string): string => `plan-${planId}`;
