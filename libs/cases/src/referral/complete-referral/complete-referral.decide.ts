import type { ReferralEvent } from '../referral.events';
import { inStatus, mustBeRecipient } from '../referral.guards';
import type { ReferralState } from '../referral.state';
import type { CompleteReferral } from './complete-referral.command';

export function decideCompleteReferral(command: CompleteReferral, state: ReferralState): ReferralEvent[] {
  const { referralId } = command.data;
  const r = inStatus(state, referralId, 'CompleteReferral', ['in_progress'], command.actor);
  mustBeRecipient(r, command.actor);
  return [
    {
      type: 'ReferralCompleted',
      data: { referralId, outcome: command.data.outcome, completedAt: command.at.toISOString() },
    },
  ];
}
