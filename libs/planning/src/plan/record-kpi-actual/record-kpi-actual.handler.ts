import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { RecordKpiActual } from './record-kpi-actual.command';

/** RecordKpiActual as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class RecordKpiActualRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'RecordKpiActual';

  constructor(
    readonly data: RecordKpiActual['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordKpiActualRequest)
export class RecordKpiActualHandler implements ICommandHandler<RecordKpiActualRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: RecordKpiActualRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'RecordKpiActual', data, ...stamp }));
  }
}
