import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { planDecider, planStreamId } from '../../domain/plan.decider';
import type { ReviseProjectBudget } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';

export class ReviseProjectBudgetCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: ReviseProjectBudget['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReviseProjectBudgetCommand)
export class ReviseProjectBudgetHandler implements ICommandHandler<ReviseProjectBudgetCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, context }: ReviseProjectBudgetCommand): Promise<CommandOutcome<PlanEvent>> {
    const command: ReviseProjectBudget = { type: 'ReviseProjectBudget', data, actor: context.actor, at: this.clock.now() };
    return this.runner.run(planDecider, planStreamId(data.planId), command, { ...context, reason: data.reason });
  }
}
