import type { ReferralEvent } from '../referral.events';
import { inStatus, mustBeSenderSide, reason } from '../referral.guards';
import type { ReferralState } from '../referral.state';
import type { RevokeReferral } from './revoke-referral.command';

export function decideRevokeReferral(command: RevokeReferral, state: ReferralState): ReferralEvent[] {
  const { referralId } = command.data;
  const r = inStatus(state, referralId, 'RevokeReferral', ['sent', 'accepted', 'in_progress'], command.actor);
  mustBeSenderSide(r, command.actor);
  return [
    {
      type: 'ReferralRevoked',
      data: { referralId, reason: reason(command.data.reason), revokedAt: command.at.toISOString() },
    },
  ];
}
