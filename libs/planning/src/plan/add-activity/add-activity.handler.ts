import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { AddActivity } from './add-activity.command';

/** AddActivity as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class AddActivityRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'AddActivity';

  constructor(
    readonly data: AddActivity['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddActivityRequest)
export class AddActivityHandler implements ICommandHandler<AddActivityRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: AddActivityRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, async (stamp) => ({
      type: 'AddActivity',
      data,
      ...stamp,
      agencies: await this.plans.agencies([data.responsibleAgencyCode]),
    }));
  }
}
