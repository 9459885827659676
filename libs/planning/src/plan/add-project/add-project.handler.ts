import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { AddProject } from './add-project.command';

/** AddProject as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class AddProjectRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'AddProject';

  constructor(
    readonly data: AddProject['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddProjectRequest)
export class AddProjectHandler implements ICommandHandler<AddProjectRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: AddProjectRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, async (stamp) => ({
      type: 'AddProject',
      data,
      ...stamp,
      agencies: await this.plans.agencies([data.leadAgencyCode, ...(data.participatingAgencyCodes ?? [])]),
    }));
  }
}
