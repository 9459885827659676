import type { ReferralEvent } from '../referral.events';
import { inStatus, mustBeRecipient } from '../referral.guards';
import type { ReferralState } from '../referral.state';
import type { StartReferralService } from './start-referral-service.command';

export function decideStartReferralService(command: StartReferralService, state: ReferralState): ReferralEvent[] {
  const { referralId } = command.data;
  const r = inStatus(state, referralId, 'StartReferralService', ['accepted'], command.actor);
  mustBeRecipient(r, command.actor);
  return [{ type: 'ReferralServiceStarted', data: { referralId, startedAt: command.at.toISOString() } }];
}
