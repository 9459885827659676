import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { WithdrawProject } from './withdraw-project.command';

/** WithdrawProject as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class WithdrawProjectRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'WithdrawProject';

  constructor(
    readonly data: WithdrawProject['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawProjectRequest)
export class WithdrawProjectHandler implements ICommandHandler<WithdrawProjectRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: WithdrawProjectRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'WithdrawProject', data, ...stamp }));
  }
}
