import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReviseFundRequest } from './revise-fund-request.command';

/** ReviseFundRequest as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReviseFundRequestRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReviseFundRequest';

  constructor(
    readonly data: ReviseFundRequest['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseFundRequestRequest)
export class ReviseFundRequestHandler implements ICommandHandler<ReviseFundRequestRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReviseFundRequestRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ReviseFundRequest', data, ...stamp }));
  }
}
