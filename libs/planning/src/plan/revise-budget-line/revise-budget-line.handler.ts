import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReviseBudgetLine } from './revise-budget-line.command';

/** ReviseBudgetLine as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReviseBudgetLineRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReviseBudgetLine';

  constructor(
    readonly data: ReviseBudgetLine['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseBudgetLineRequest)
export class ReviseBudgetLineHandler implements ICommandHandler<ReviseBudgetLineRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReviseBudgetLineRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ReviseBudgetLine', data, ...stamp }));
  }
}
