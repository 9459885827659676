import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { ReferralCommands } from '../referral.commands.handler';
import type { ReferralEvent } from '../referral.events';
import type { RevokeReferral } from './revoke-referral.command';

/** Revoked by the sender: the recipient loses access at once. */
export class RevokeReferralRequest extends Command<CommandOutcome<ReferralEvent>> {
  constructor(
    readonly data: RevokeReferral['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RevokeReferralRequest)
export class RevokeReferralHandler implements ICommandHandler<RevokeReferralRequest> {
  constructor(private readonly referrals: ReferralCommands) {}

  execute({ data, context }: RevokeReferralRequest): Promise<CommandOutcome<ReferralEvent>> {
    return this.referrals.run(context, 'RevokeReferral', (stamp) => ({ type: 'RevokeReferral', data, ...stamp }), {
      reason: data.reason,
    });
  }
}
