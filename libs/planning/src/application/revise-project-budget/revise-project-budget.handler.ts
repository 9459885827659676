import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { ReviseProjectBudget } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';
import { PlanCommandHandler } from '../plan-command-handler';

export class ReviseProjectBudgetCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: ReviseProjectBudget['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseProjectBudgetCommand)
export class ReviseProjectBudgetHandler extends PlanCommandHandler implements ICommandHandler<ReviseProjectBudgetCommand> {
  execute({ data, context }: ReviseProjectBudgetCommand): Promise<CommandOutcome<PlanEvent>> {
    // The reason is part of the command and of every event's metadata, where auditors filter by it.
    return this.run('ReviseProjectBudget', data, { ...context, reason: data.reason });
  }
}
