import type { Actor } from '@ruamjai/kernel';
import type { FundingSource } from './funding-source';

/** What every plan command carries besides its data: who asks, and when. */
interface CommandBase<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
}

export type DraftPlan = CommandBase<
  'DraftPlan',
  { planId: string; provinceCode: string; fiscalYear: number; titleTh: string; titleEn?: string }
>;

export type AddProject = CommandBase<
  'AddProject',
  {
    planId: string;
    projectId: string;
    titleTh: string;
    titleEn?: string;
    leadAgencyCode: string;
    districtCodes: string[];
    requestedBudgetSatang: number;
    fundingSource: FundingSource;
  }
>;

export type ReviseProjectBudget = CommandBase<
  'ReviseProjectBudget',
  { planId: string; projectId: string; requestedBudgetSatang: number; reason: string }
>;

export type PlanCommand = DraftPlan | AddProject | ReviseProjectBudget;
