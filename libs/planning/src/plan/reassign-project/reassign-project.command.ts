import type { Amendable, CommandBase, NamesAgencies } from '../plan.command-base';

/** Hands a project to another lead agency, or changes who takes part in it. */
export type ReassignProject = NamesAgencies &
  CommandBase<
    'ReassignProject',
    { planId: string; projectId: string; leadAgencyCode: string; participatingAgencyCodes?: string[] } & Amendable
  >;
