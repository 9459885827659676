import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ApproveFundRequest } from './approve-fund-request.command';

/** ApproveFundRequest as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ApproveFundRequestRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ApproveFundRequest';

  constructor(
    readonly data: ApproveFundRequest['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ApproveFundRequestRequest)
export class ApproveFundRequestHandler implements ICommandHandler<ApproveFundRequestRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ApproveFundRequestRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ApproveFundRequest', data, ...stamp }));
  }
}
