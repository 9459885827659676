import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { AddBudgetLine } from './add-budget-line.command';

/** AddBudgetLine as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class AddBudgetLineRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'AddBudgetLine';

  constructor(
    readonly data: AddBudgetLine['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddBudgetLineRequest)
export class AddBudgetLineHandler implements ICommandHandler<AddBudgetLineRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: AddBudgetLineRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'AddBudgetLine', data, ...stamp }));
  }
}
