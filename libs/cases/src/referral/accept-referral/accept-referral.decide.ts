import type { ReferralEvent } from '../referral.events';
import { inStatus, mustBeRecipient } from '../referral.guards';
import type { ReferralState } from '../referral.state';
import type { AcceptReferral } from './accept-referral.command';

export function decideAcceptReferral(command: AcceptReferral, state: ReferralState): ReferralEvent[] {
  const { referralId } = command.data;
  const r = inStatus(state, referralId, 'AcceptReferral', ['sent'], command.actor);
  mustBeRecipient(r, command.actor);
  return [{ type: 'ReferralAccepted', data: { referralId, acceptedAt: command.at.toISOString() } }];
}
