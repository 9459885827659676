import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { AgencyCommands } from '../agency.commands.handler';
import type { AgencyEvent } from '../agency.events';
import type { ChangeAgencyType } from './change-agency-type.decide';

/** ChangeAgencyType as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ChangeAgencyTypeRequest extends Command<CommandOutcome<AgencyEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ChangeAgencyType';

  constructor(
    readonly data: ChangeAgencyType['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeAgencyTypeRequest)
export class ChangeAgencyTypeHandler implements ICommandHandler<ChangeAgencyTypeRequest> {
  constructor(private readonly agencies: AgencyCommands) {}

  execute({ data, context }: ChangeAgencyTypeRequest): Promise<CommandOutcome<AgencyEvent>> {
    return this.agencies.run(context, (stamp) => ({ type: 'ChangeAgencyType', data, ...stamp }));
  }
}
