import type { ReferralEvent } from '../referral.events';
import { inStatus, mustBeRecipient, reason } from '../referral.guards';
import type { ReferralState } from '../referral.state';
import type { DeclineReferral } from './decline-referral.command';

export function decideDeclineReferral(command: DeclineReferral, state: ReferralState): ReferralEvent[] {
  const { referralId } = command.data;
  const r = inStatus(state, referralId, 'DeclineReferral', ['sent'], command.actor);
  mustBeRecipient(r, command.actor);
  return [
    {
      type: 'ReferralDeclined',
      data: { referralId, reason: reason(command.data.reason), declinedAt: command.at.toISOString() },
    },
  ];
}
