import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import type { AddProject } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';
import { PlanCommandHandler } from '../plan-command-handler';

export class AddProjectCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: AddProject['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddProjectCommand)
export class AddProjectHandler extends PlanCommandHandler implements ICommandHandler<AddProjectCommand> {
  execute({ data, context }: AddProjectCommand): Promise<CommandOutcome<PlanEvent>> {
    return this.run('AddProject', data, data.reason ? { ...context, reason: data.reason } : context);
  }
}
