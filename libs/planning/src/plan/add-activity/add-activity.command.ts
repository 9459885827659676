import type { Amendable, CommandBase, NamesAgencies } from '../plan.command-base';
import type { ParticipantCounts } from '../plan-structure';

export type AddActivity = NamesAgencies &
  CommandBase<
    'AddActivity',
    {
      planId: string;
      projectId: string;
      activityId: string;
      titleTh: string;
      titleEn?: string;
      districtCode: string;
      /** ISO dates, inside the plan's fiscal year. */
      startDate: string;
      endDate: string;
      targets: ParticipantCounts;
      /** The lead agency or one taking part; the lead when not given. */
      responsibleAgencyCode?: string;
    } & Amendable
  >;
