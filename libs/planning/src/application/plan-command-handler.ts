import { Inject } from '@nestjs/common';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import type { PlanCommand } from '../domain/plan.commands';
import { planDecider, planStreamId } from '../domain/plan.decider';
import type { PlanEvent } from '../domain/plan.events';
import { authorise } from '../domain/plan.policy';

/** What every plan command handler does: check the actor's role, stamp actor and time, run the decider. */
export abstract class PlanCommandHandler {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  protected run<T extends PlanCommand['type']>(type: T, data: Extract<PlanCommand, { type: T }>['data'], context: CommandContext): Promise<CommandOutcome<PlanEvent>> {
    authorise(context.actor, type);
    const command = { type, data, actor: context.actor, at: this.clock.now() } as PlanCommand;
    return this.runner.run(planDecider, planStreamId(data.planId), command, context);
  }
}
