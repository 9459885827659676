import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ClosePlan } from './close-plan.command';

/** ClosePlan as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ClosePlanRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ClosePlan';

  constructor(
    readonly data: ClosePlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ClosePlanRequest)
export class ClosePlanHandler implements ICommandHandler<ClosePlanRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ClosePlanRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ClosePlan', data, ...stamp }));
  }
}
