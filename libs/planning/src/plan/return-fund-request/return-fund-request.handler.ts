import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReturnFundRequest } from './return-fund-request.command';

/** ReturnFundRequest as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReturnFundRequestRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReturnFundRequest';

  constructor(
    readonly data: ReturnFundRequest['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReturnFundRequestRequest)
export class ReturnFundRequestHandler implements ICommandHandler<ReturnFundRequestRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReturnFundRequestRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ReturnFundRequest', data, ...stamp }));
  }
}
