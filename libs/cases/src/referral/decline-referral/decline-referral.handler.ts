import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { ReferralCommands } from '../referral.commands.handler';
import type { ReferralEvent } from '../referral.events';
import type { DeclineReferral } from './decline-referral.command';

/** Declined by the receiving agency, with a reason. */
export class DeclineReferralRequest extends Command<CommandOutcome<ReferralEvent>> {
  constructor(
    readonly data: DeclineReferral['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeclineReferralRequest)
export class DeclineReferralHandler implements ICommandHandler<DeclineReferralRequest> {
  constructor(private readonly referrals: ReferralCommands) {}

  execute({ data, context }: DeclineReferralRequest): Promise<CommandOutcome<ReferralEvent>> {
    return this.referrals.run(context, 'DeclineReferral', (stamp) => ({ type: 'DeclineReferral', data, ...stamp }), {
      reason: data.reason,
    });
  }
}
