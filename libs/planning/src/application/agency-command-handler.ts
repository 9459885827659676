import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import type { AgencyCommand } from '../agency/agency.commands';
import type { AgencyEvent } from '../agency/agency.events';
import { agencyDecider, agencyStreamId } from '../agency/agency.decider';
import { authoriseAgencyCommand } from '../agency/agency.policy';

type AgencyCommandType = AgencyCommand['type'];
type DataOf<T extends AgencyCommandType> = Extract<AgencyCommand, { type: T }>['data'];

/** A change to the agency directory, as the HTTP layer asks for it. */
export class AgencyCommandRequest<T extends AgencyCommandType = AgencyCommandType> extends Command<
  CommandOutcome<AgencyEvent>
> {
  constructor(
    readonly type: T,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AgencyCommandRequest)
export class AgencyCommandHandler implements ICommandHandler<AgencyCommandRequest> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ type, data, context }: AgencyCommandRequest): Promise<CommandOutcome<AgencyEvent>> {
    authoriseAgencyCommand(context.actor, type);
    const command = { type, data, actor: context.actor, at: this.clock.now() } as AgencyCommand;
    const reason = 'reason' in data ? data.reason : undefined;
    return this.runner.run(
      agencyDecider,
      agencyStreamId(data.code),
      command,
      reason ? { ...context, reason } : context,
    );
  }
}
