import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ApprovePlan } from './approve-plan.command';

/** ApprovePlan as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ApprovePlanRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ApprovePlan';

  constructor(
    readonly data: ApprovePlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ApprovePlanRequest)
export class ApprovePlanHandler implements ICommandHandler<ApprovePlanRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ApprovePlanRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ApprovePlan', data, ...stamp }));
  }
}
