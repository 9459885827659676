import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { AgencyCommands } from '../agency.commands.handler';
import type { AgencyEvent } from '../agency.events';
import type { RenameAgency } from './rename-agency.decide';

/** RenameAgency as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class RenameAgencyRequest extends Command<CommandOutcome<AgencyEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'RenameAgency';

  constructor(
    readonly data: RenameAgency['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RenameAgencyRequest)
export class RenameAgencyHandler implements ICommandHandler<RenameAgencyRequest> {
  constructor(private readonly agencies: AgencyCommands) {}

  execute({ data, context }: RenameAgencyRequest): Promise<CommandOutcome<AgencyEvent>> {
    return this.agencies.run(context, (stamp) => ({ type: 'RenameAgency', data, ...stamp }));
  }
}
