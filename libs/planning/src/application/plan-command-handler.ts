import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import type { AgencyFacts, PlanCommand } from '../plan/plan.commands';
import { planDecider, planStreamId } from '../plan/plan.decider';
import type { PlanEvent } from '../plan/plan.events';
import { authorise } from '../plan/plan.policy';
import { agencyDecider, agencyStreamId } from '../agency/agency.decider';

type PlanCommandType = PlanCommand['type'];
type DataOf<T extends PlanCommandType> = Extract<PlanCommand, { type: T }>['data'];

/** A plan use case as the HTTP layer (or an inbound message) asks for it: which command, its data, who and why. */
export class PlanCommandRequest<T extends PlanCommandType = PlanCommandType> extends Command<
  CommandOutcome<PlanEvent>
> {
  constructor(
    readonly type: T,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Reasons given in the command's data are recorded in every event's metadata too, where auditors filter by them. */
function reasonOf(data: DataOf<PlanCommandType>): string | undefined {
  if ('reason' in data && typeof data.reason === 'string') return data.reason;
  if ('resultsSummary' in data) return data.resultsSummary;
  return undefined;
}

/**
 * Every plan command: check the actor's role, stamp actor and time, run the pure decider through
 * the shared runner. The rules live in the decider; nothing else happens here.
 */
@CommandHandler(PlanCommandRequest)
export class PlanCommandHandler implements ICommandHandler<PlanCommandRequest> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ type, data, context }: PlanCommandRequest): Promise<CommandOutcome<PlanEvent>> {
    authorise(context.actor, type);
    const command = {
      type,
      data,
      actor: context.actor,
      at: this.clock.now(),
      agencies: await this.agencies(data),
    } as PlanCommand;
    const reason = reasonOf(data);
    return this.runner.run(planDecider, planStreamId(data.planId), command, reason ? { ...context, reason } : context);
  }

  /** The directory entries of every agency the command names. */
  private async agencies(data: DataOf<PlanCommandType>): Promise<AgencyFacts> {
    const codes = new Set<string>();
    if ('leadAgencyCode' in data) codes.add(data.leadAgencyCode);
    if ('responsibleAgencyCode' in data && data.responsibleAgencyCode) codes.add(data.responsibleAgencyCode);
    if ('participatingAgencyCodes' in data) for (const code of data.participatingAgencyCodes ?? []) codes.add(code);
    // The directory changes rarely: a second's staleness is fine for a fact no append depends on.
    const entries = await Promise.all(
      [...codes].map(
        async (code) => [code, await this.runner.peek(agencyDecider, agencyStreamId(code), 1000)] as const,
      ),
    );
    return Object.fromEntries(entries);
  }
}
