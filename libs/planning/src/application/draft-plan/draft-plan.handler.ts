import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { DraftPlan } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';
import { PlanCommandHandler } from '../plan-command-handler';

export class DraftPlanCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: DraftPlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler extends PlanCommandHandler implements ICommandHandler<DraftPlanCommand> {
  execute({ data, context }: DraftPlanCommand): Promise<CommandOutcome<PlanEvent>> {
    return this.run('DraftPlan', data, context);
  }
}
