import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReviseProjectBudget } from './revise-project-budget.command';

/** ReviseProjectBudget as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReviseProjectBudgetRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReviseProjectBudget';

  constructor(
    readonly data: ReviseProjectBudget['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseProjectBudgetRequest)
export class ReviseProjectBudgetHandler implements ICommandHandler<ReviseProjectBudgetRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReviseProjectBudgetRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ReviseProjectBudget', data, ...stamp }));
  }
}
