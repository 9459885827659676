import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { SubmitPlan } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';
import { PlanCommandHandler } from '../plan-command-handler';

export class SubmitPlanCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: SubmitPlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SubmitPlanCommand)
export class SubmitPlanHandler extends PlanCommandHandler implements ICommandHandler<SubmitPlanCommand> {
  execute({ data, context }: SubmitPlanCommand): Promise<CommandOutcome<PlanEvent>> {
    return this.run('SubmitPlan', data, context);
  }
}
