import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { SubmitFundRequest } from './submit-fund-request.command';

/** SubmitFundRequest as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class SubmitFundRequestRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'SubmitFundRequest';

  constructor(
    readonly data: SubmitFundRequest['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SubmitFundRequestRequest)
export class SubmitFundRequestHandler implements ICommandHandler<SubmitFundRequestRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: SubmitFundRequestRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'SubmitFundRequest', data, ...stamp }));
  }
}
