import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { ReferralCommands } from '../referral.commands.handler';
import type { ReferralEvent } from '../referral.events';
import type { AcceptReferral } from './accept-referral.command';

/** Accepted by the receiving agency. */
export class AcceptReferralRequest extends Command<CommandOutcome<ReferralEvent>> {
  constructor(
    readonly data: AcceptReferral['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AcceptReferralRequest)
export class AcceptReferralHandler implements ICommandHandler<AcceptReferralRequest> {
  constructor(private readonly referrals: ReferralCommands) {}

  execute({ data, context }: AcceptReferralRequest): Promise<CommandOutcome<ReferralEvent>> {
    return this.referrals.run(context, 'AcceptReferral', (stamp) => ({ type: 'AcceptReferral', data, ...stamp }));
  }
}
