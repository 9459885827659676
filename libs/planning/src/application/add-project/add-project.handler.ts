import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { planDecider, planStreamId } from '../../domain/plan.decider';
import type { AddProject } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';

export class AddProjectCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: AddProject['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddProjectCommand)
export class AddProjectHandler implements ICommandHandler<AddProjectCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, context }: AddProjectCommand): Promise<CommandOutcome<PlanEvent>> {
    const command: AddProject = { type: 'AddProject', data, actor: context.actor, at: this.clock.now() };
    return this.runner.run(planDecider, planStreamId(data.planId), command, context);
  }
}
