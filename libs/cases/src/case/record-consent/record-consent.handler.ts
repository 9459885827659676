import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { RecordConsent } from './record-consent.command';

/** The person's consent to share their data with agencies. */
export class RecordConsentRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: RecordConsent['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordConsentRequest)
export class RecordConsentHandler implements ICommandHandler<RecordConsentRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: RecordConsentRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'RecordConsent', data.caseId, (stamp) => ({
      type: 'RecordConsent',
      data,
      ...stamp,
    }));
  }
}
