import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { WithdrawBudgetLine } from './withdraw-budget-line.command';

/** WithdrawBudgetLine as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class WithdrawBudgetLineRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'WithdrawBudgetLine';

  constructor(
    readonly data: WithdrawBudgetLine['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawBudgetLineRequest)
export class WithdrawBudgetLineHandler implements ICommandHandler<WithdrawBudgetLineRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: WithdrawBudgetLineRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'WithdrawBudgetLine', data, ...stamp }));
  }
}
