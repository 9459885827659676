import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { WithdrawConsent } from './withdraw-consent.command';

/** Consent withdrawn. */
export class WithdrawConsentRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: WithdrawConsent['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(WithdrawConsentRequest)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsentRequest> {
  constructor(private readonly cases: CaseCommands) {}

  execute({ data, context }: WithdrawConsentRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(context, 'WithdrawConsent', data.caseId, (stamp) => ({
      type: 'WithdrawConsent',
      data,
      ...stamp,
    }));
  }
}
