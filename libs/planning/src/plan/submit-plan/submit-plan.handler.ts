import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { SubmitPlan } from './submit-plan.command';

/** SubmitPlan as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class SubmitPlanRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'SubmitPlan';

  constructor(
    readonly data: SubmitPlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SubmitPlanRequest)
export class SubmitPlanHandler implements ICommandHandler<SubmitPlanRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: SubmitPlanRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'SubmitPlan', data, ...stamp }));
  }
}
