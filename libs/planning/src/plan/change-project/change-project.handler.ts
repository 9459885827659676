import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ChangeProject } from './change-project.command';

/** ChangeProject as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ChangeProjectRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ChangeProject';

  constructor(
    readonly data: ChangeProject['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeProjectRequest)
export class ChangeProjectHandler implements ICommandHandler<ChangeProjectRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ChangeProjectRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ChangeProject', data, ...stamp }));
  }
}
