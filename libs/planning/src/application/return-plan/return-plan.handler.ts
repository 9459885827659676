import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { ReturnPlan } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';
import { PlanCommandHandler } from '../plan-command-handler';

export class ReturnPlanCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: ReturnPlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReturnPlanCommand)
export class ReturnPlanHandler extends PlanCommandHandler implements ICommandHandler<ReturnPlanCommand> {
  execute({ data, context }: ReturnPlanCommand): Promise<CommandOutcome<PlanEvent>> {
    return this.run('ReturnPlan', data, { ...context, reason: data.reason });
  }
}
