import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { AgencyCommands } from '../agency.commands.handler';
import type { AgencyEvent } from '../agency.events';
import type { RegisterAgency } from './register-agency.decide';

/** RegisterAgency as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class RegisterAgencyRequest extends Command<CommandOutcome<AgencyEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'RegisterAgency';

  constructor(
    readonly data: RegisterAgency['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterAgencyRequest)
export class RegisterAgencyHandler implements ICommandHandler<RegisterAgencyRequest> {
  constructor(private readonly agencies: AgencyCommands) {}

  execute({ data, context }: RegisterAgencyRequest): Promise<CommandOutcome<AgencyEvent>> {
    return this.agencies.run(context, (stamp) => ({ type: 'RegisterAgency', data, ...stamp }));
  }
}
