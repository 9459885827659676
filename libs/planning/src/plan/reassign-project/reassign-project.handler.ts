import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReassignProject } from './reassign-project.command';

/** ReassignProject as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReassignProjectRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReassignProject';

  constructor(
    readonly data: ReassignProject['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReassignProjectRequest)
export class ReassignProjectHandler implements ICommandHandler<ReassignProjectRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReassignProjectRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, async (stamp) => ({
      type: 'ReassignProject',
      data,
      ...stamp,
      agencies: await this.plans.agencies([data.leadAgencyCode, ...(data.participatingAgencyCodes ?? [])]),
    }));
  }
}
