import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { ReferralCommands } from '../referral.commands.handler';
import type { ReferralEvent } from '../referral.events';
import type { StartReferralService } from './start-referral-service.command';

/** The receiving agency starts the service. */
export class StartReferralServiceRequest extends Command<CommandOutcome<ReferralEvent>> {
  constructor(
    readonly data: StartReferralService['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(StartReferralServiceRequest)
export class StartReferralServiceHandler implements ICommandHandler<StartReferralServiceRequest> {
  constructor(private readonly referrals: ReferralCommands) {}

  execute({ data, context }: StartReferralServiceRequest): Promise<CommandOutcome<ReferralEvent>> {
    return this.referrals.run(context, 'StartReferralService', (stamp) => ({
      type: 'StartReferralService',
      data,
      ...stamp,
    }));
  }
}
