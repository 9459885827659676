import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PlanCommands } from '../plan.commands.handler';
import type { PlanEvent } from '../plan.events';
import type { ReportActivityProgress } from './report-activity-progress.command';

/** ReportActivityProgress as the HTTP layer (or the seed) asks for it: its data, and who asks. */
export class ReportActivityProgressRequest extends Command<CommandOutcome<PlanEvent>> {
  /** The command's name: the metrics and the seed's replays know it by this. */
  readonly type = 'ReportActivityProgress';

  constructor(
    readonly data: ReportActivityProgress['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReportActivityProgressRequest)
export class ReportActivityProgressHandler implements ICommandHandler<ReportActivityProgressRequest> {
  constructor(private readonly plans: PlanCommands) {}

  execute({ data, context }: ReportActivityProgressRequest): Promise<CommandOutcome<PlanEvent>> {
    return this.plans.run(context, (stamp) => ({ type: 'ReportActivityProgress', data, ...stamp }));
  }
}
