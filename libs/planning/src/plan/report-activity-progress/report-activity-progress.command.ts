import type { CommandBase } from '../plan.command-base';
import type { ParticipantCounts } from '../plan-structure';

/** What an agency did on an activity: reported by its officers, not an amendment of the plan. */
export type ReportActivityProgress = CommandBase<
  'ReportActivityProgress',
  {
    planId: string;
    activityId: string;
    /** ISO date the work was done. */
    reportedOn: string;
    participantsReached: ParticipantCounts;
    spendSatang: number;
    /** The budget line the money came from; the project's first line when not given. */
    budgetLineId?: string;
    note?: string;
    /** The activity is finished with this report. */
    completed?: boolean;
  }
>;
