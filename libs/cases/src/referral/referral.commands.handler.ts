import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { authoriseReferralCommand } from '../access/case-access';
import type { Stamp } from '../command';
import type { ReferralCommand } from './referral.commands';
import { referralDecider } from './referral.decider';
import { referralStreamId, type ReferralEvent } from './referral.events';

type CommandOf<T extends ReferralCommand['type']> = Extract<ReferralCommand, { type: T }>;

export interface ReferralRun {
  /** Put in the context, so the log says why (a decline, a revocation). */
  readonly reason?: string;
  /** An inbound referral names an outside sender; its actor is the consumer, checked where it is built. */
  readonly inbound?: boolean;
}

/**
 * What every referral use case does the same way: authorise by role before anything is read,
 * stamp the actor and the time, and run the pure decider.
 */
@Injectable()
export class ReferralCommands {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run<T extends ReferralCommand['type']>(
    context: CommandContext,
    type: T,
    build: (stamp: Stamp) => CommandOf<T> | Promise<CommandOf<T>>,
    options: ReferralRun = {},
  ): Promise<CommandOutcome<ReferralEvent>> {
    if (!options.inbound) authoriseReferralCommand(context.actor, type);
    const command = await build({ actor: context.actor, at: this.clock.now() });
    const { reason } = options;
    return this.runner.run(
      referralDecider,
      referralStreamId(command.data.referralId),
      command,
      reason ? { ...context, reason } : context,
    );
  }
}
