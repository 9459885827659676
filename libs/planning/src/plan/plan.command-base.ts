import type { Actor } from '@ruamjai/kernel';
import type { AgencyState } from '../agency/agency.state';

/**
 * What the plan's commands share. Kept apart from plan.commands.ts, which gathers the use cases'
 * commands: a use case importing from there would import itself back.
 */

/** What every plan command carries besides its data: who asks, and when. */
export interface CommandBase<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
}

/**
 * The directory entries of the agencies a command names, looked up by the handler: the decider
 * refuses an unknown or inactive one. A code missing here is unknown.
 */
export type AgencyFacts = Readonly<Record<string, AgencyState>>;
export type NamesAgencies = { readonly agencies: AgencyFacts };

/** Every change to the plan's content may carry a reason; once the plan is approved it must. */
export type Amendable = {
  /** Required once the plan is approved: every change after approval is an amendment. */ reason?: string;
};
