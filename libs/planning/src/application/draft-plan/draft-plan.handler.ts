import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { planDecider, planStreamId } from '../../domain/plan.decider';
import type { DraftPlan } from '../../domain/plan.commands';
import type { PlanEvent } from '../../domain/plan.events';

export class DraftPlanCommand extends Command<CommandOutcome<PlanEvent>> {
  constructor(
    readonly data: DraftPlan['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler implements ICommandHandler<DraftPlanCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ data, context }: DraftPlanCommand): Promise<CommandOutcome<PlanEvent>> {
    const command: DraftPlan = { type: 'DraftPlan', data, actor: context.actor, at: this.clock.now() };
    return this.runner.run(planDecider, planStreamId(data.planId), command, context);
  }
}
