import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReassignBudgetLine } from './reassign-budget-line.command';

/** ReassignBudgetLine as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReassignBudgetLineRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReassignBudgetLine';

  constructor(
    readonly data: ReassignBudgetLine['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReassignBudgetLineRequest)
export class ReassignBudgetLineHandler implements ICommandHandler<ReassignBudgetLineRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReassignBudgetLineRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ReassignBudgetLine', data, ...stamp }));
  }
}
