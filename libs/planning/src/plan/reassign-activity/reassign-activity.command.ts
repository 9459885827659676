import type { Amendable, CommandBase, NamesAgencies } from '../plan.command-base';

export type ReassignActivity = NamesAgencies &
  CommandBase<'ReassignActivity', { planId: string; activityId: string; responsibleAgencyCode: string } & Amendable>;
