import type { CommandBase } from '../plan.command-base';

export type ApprovePlan = CommandBase<
  'ApprovePlan',
  {
    planId: string;
    /** The subcommittee meeting, e.g. "ครั้งที่ 1/2562". */
    meetingReference: string;
    /** ISO date of the meeting. */
    meetingDate: string;
  }
>;
