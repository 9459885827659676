import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { WithdrawActivity } from './withdraw-activity.command';

/** WithdrawActivity as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class WithdrawActivityRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'WithdrawActivity';

  constructor(
    readonly data: WithdrawActivity['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawActivityRequest)
export class WithdrawActivityHandler implements ICommandHandler<WithdrawActivityRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: WithdrawActivityRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'WithdrawActivity', data, ...stamp }));
  }
}
