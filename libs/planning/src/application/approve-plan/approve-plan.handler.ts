import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { ApprovePlan } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';
import { PlanCommandHandler } from '../plan-command-handler';

export class ApprovePlanCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: ApprovePlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ApprovePlanCommand)
export class ApprovePlanHandler extends PlanCommandHandler implements ICommandHandler<ApprovePlanCommand> {
  execute({ data, context }: ApprovePlanCommand): Promise<CommandOutcome<PlanEvent>> {
    return this.run('ApprovePlan', data, context);
  }
}
