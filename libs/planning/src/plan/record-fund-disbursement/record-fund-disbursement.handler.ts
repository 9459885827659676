import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { RecordFundDisbursement } from './record-fund-disbursement.command';

/** RecordFundDisbursement as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class RecordFundDisbursementRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'RecordFundDisbursement';

  constructor(
    readonly data: RecordFundDisbursement['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordFundDisbursementRequest)
export class RecordFundDisbursementHandler implements ICommandHandler<RecordFundDisbursementRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: RecordFundDisbursementRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'RecordFundDisbursement', data, ...stamp }));
  }
}
