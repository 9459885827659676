import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { RejectFundRequest } from './reject-fund-request.command';

/** RejectFundRequest as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class RejectFundRequestRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'RejectFundRequest';

  constructor(
    readonly data: RejectFundRequest['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RejectFundRequestRequest)
export class RejectFundRequestHandler implements ICommandHandler<RejectFundRequestRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: RejectFundRequestRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'RejectFundRequest', data, ...stamp }));
  }
}
