import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { AgencyCommands } from '../agency.commands.handler';
import type { AgencyEvent } from '../agency.events';
import type { ChangeAgencyDistrict } from './change-agency-district.decide';

/** ChangeAgencyDistrict as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ChangeAgencyDistrictRequest extends Command<CommandOutcome<AgencyEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ChangeAgencyDistrict';

  constructor(
    readonly data: ChangeAgencyDistrict['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeAgencyDistrictRequest)
export class ChangeAgencyDistrictHandler implements ICommandHandler<ChangeAgencyDistrictRequest> {
  constructor(private readonly agencies: AgencyCommands) {}

  execute({ data, context }: ChangeAgencyDistrictRequest): Promise<CommandOutcome<AgencyEvent>> {
    return this.agencies.run(context, (stamp) => ({ type: 'ChangeAgencyDistrict', data, ...stamp }));
  }
}
