import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { AddKpi } from './add-kpi.command';

/** AddKpi as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class AddKpiRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'AddKpi';

  constructor(
    readonly data: AddKpi['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AddKpiRequest)
export class AddKpiHandler implements ICommandHandler<AddKpiRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: AddKpiRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'AddKpi', data, ...stamp }));
  }
}
