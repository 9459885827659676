import type { Amendable, CommandBase } from '../plan.command-base';
import type { StrategyArea, TargetGroup } from '../plan-structure';

export type ChangeProject = CommandBase<
  'ChangeProject',
  {
    planId: string;
    projectId: string;
    titleTh?: string;
    titleEn?: string;
    strategy?: StrategyArea;
    districtCodes?: string[];
    targetGroups?: TargetGroup[];
    objectives?: string[];
  } & Amendable
>;
