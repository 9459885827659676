import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { DraftPlan } from './draft-plan.command';

/** DraftPlan as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class DraftPlanRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'DraftPlan';

  constructor(
    readonly data: DraftPlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DraftPlanRequest)
export class DraftPlanHandler implements ICommandHandler<DraftPlanRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: DraftPlanRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'DraftPlan', data, ...stamp }));
  }
}
