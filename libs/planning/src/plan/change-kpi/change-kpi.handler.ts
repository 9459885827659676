import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ChangeKpi } from './change-kpi.command';

/** ChangeKpi as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ChangeKpiRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ChangeKpi';

  constructor(
    readonly data: ChangeKpi['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeKpiRequest)
export class ChangeKpiHandler implements ICommandHandler<ChangeKpiRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ChangeKpiRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ChangeKpi', data, ...stamp }));
  }
}
