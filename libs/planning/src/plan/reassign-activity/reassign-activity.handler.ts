import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReassignActivity } from './reassign-activity.command';

/** ReassignActivity as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReassignActivityRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReassignActivity';

  constructor(
    readonly data: ReassignActivity['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReassignActivityRequest)
export class ReassignActivityHandler implements ICommandHandler<ReassignActivityRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReassignActivityRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, async (stamp) => ({
      type: 'ReassignActivity',
      data,
      ...stamp,
      agencies: await this.plans.agencies([data.responsibleAgencyCode]),
    }));
  }
}
