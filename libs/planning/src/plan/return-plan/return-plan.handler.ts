import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReturnPlan } from './return-plan.command';

/** ReturnPlan as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReturnPlanRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReturnPlan';

  constructor(
    readonly data: ReturnPlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReturnPlanRequest)
export class ReturnPlanHandler implements ICommandHandler<ReturnPlanRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReturnPlanRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ReturnPlan', data, ...stamp }));
  }
}
