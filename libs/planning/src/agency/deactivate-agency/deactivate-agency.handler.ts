import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { AgencyCommands } from '../agency.commands.handler';
import type { AgencyEvent } from '../agency.events';
import type { DeactivateAgency } from './deactivate-agency.decide';

/** DeactivateAgency as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class DeactivateAgencyRequest extends Command<CommandOutcome<AgencyEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'DeactivateAgency';

  constructor(
    readonly data: DeactivateAgency['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeactivateAgencyRequest)
export class DeactivateAgencyHandler implements ICommandHandler<DeactivateAgencyRequest> {
  constructor(private readonly agencies: AgencyCommands) {}

  execute({ data, context }: DeactivateAgencyRequest): Promise<CommandOutcome<AgencyEvent>> {
    return this.agencies.run(context, (stamp) => ({ type: 'DeactivateAgency', data, ...stamp }));
  }
}
