import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Actor, type Clock } from '@ruamjai/kernel';
import { agencyDecider, agencyStreamId } from '../agency/agency.decider';
import type { AgencyFacts } from './plan.command-base';
import type { PlanCommand } from './plan.commands';
import { planDecider, planStreamId } from './plan.decider';
import type { PlanEvent } from './plan.events';
import { authorise } from './plan.policy';

/** What the executor stamps on every command: who acts, and when (from the clock). */
export interface PlanCommandStamp {
  readonly actor: Actor;
  readonly at: Date;
}

/** Reasons given in the command's data are recorded in every event's metadata too, where auditors filter by them. */
function reasonOf({ data }: PlanCommand): string | undefined {
  if ('reason' in data && typeof data.reason === 'string') return data.reason;
  if ('resultsSummary' in data) return data.resultsSummary;
  return undefined;
}

/**
 * What every plan use case's handler does the same way: stamp actor and time, check the actor's
 * role, run the pure decider through the shared runner. The rules live in the use cases' decide
 * functions; nothing else happens here.
 */
@Injectable()
export class PlanCommands {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(
    context: CommandContext,
    build: (stamp: PlanCommandStamp) => PlanCommand | Promise<PlanCommand>,
  ): Promise<CommandOutcome<PlanEvent>> {
    const command = await build({ actor: context.actor, at: this.clock.now() });
    authorise(context.actor, command.type);
    const reason = reasonOf(command);
    return this.runner.run(
      planDecider,
      planStreamId(command.data.planId),
      command,
      reason ? { ...context, reason } : context,
    );
  }

  /** The directory entries of the agencies a command names (codes not given are skipped). */
  async agencies(codes: readonly (string | undefined)[]): Promise<AgencyFacts> {
    const named = new Set(codes.filter((code): code is string => Boolean(code)));
    // The directory changes rarely: a second's staleness is fine for a fact no append depends on.
    const entries = await Promise.all(
      [...named].map(
        async (code) => [code, await this.runner.peek(agencyDecider, agencyStreamId(code), 1000)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
}
