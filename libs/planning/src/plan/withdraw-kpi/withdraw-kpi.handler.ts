import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { WithdrawKpi } from './withdraw-kpi.command';

/** WithdrawKpi as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class WithdrawKpiRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'WithdrawKpi';

  constructor(
    readonly data: WithdrawKpi['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawKpiRequest)
export class WithdrawKpiHandler implements ICommandHandler<WithdrawKpiRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: WithdrawKpiRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'WithdrawKpi', data, ...stamp }));
  }
}
