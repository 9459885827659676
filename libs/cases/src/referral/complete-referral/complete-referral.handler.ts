import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { ReferralCommands } from '../referral.commands.handler';
import type { ReferralEvent } from '../referral.events';
import type { CompleteReferral } from './complete-referral.command';

/** The service completed, with its outcome. */
export class CompleteReferralRequest extends Command<CommandOutcome<ReferralEvent>> {
  constructor(
    readonly data: CompleteReferral['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CompleteReferralRequest)
export class CompleteReferralHandler implements ICommandHandler<CompleteReferralRequest> {
  constructor(private readonly referrals: ReferralCommands) {}

  execute({ data, context }: CompleteReferralRequest): Promise<CommandOutcome<ReferralEvent>> {
    return this.referrals.run(context, 'CompleteReferral', (stamp) => ({ type: 'CompleteReferral', data, ...stamp }));
  }
}
