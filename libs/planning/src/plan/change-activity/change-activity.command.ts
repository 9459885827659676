import type { Amendable, CommandBase } from '../plan.command-base';
import type { ParticipantCounts } from '../plan-structure';

export type ChangeActivity = CommandBase<
  'ChangeActivity',
  {
    planId: string;
    activityId: string;
    titleTh?: string;
    titleEn?: string;
    districtCode?: string;
    startDate?: string;
    endDate?: string;
    targets?: ParticipantCounts;
  } & Amendable
>;
