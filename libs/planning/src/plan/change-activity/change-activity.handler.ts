import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ChangeActivity } from './change-activity.command';

/** ChangeActivity as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ChangeActivityRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ChangeActivity';

  constructor(
    readonly data: ChangeActivity['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeActivityRequest)
export class ChangeActivityHandler implements ICommandHandler<ChangeActivityRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ChangeActivityRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ChangeActivity', data, ...stamp }));
  }
}
