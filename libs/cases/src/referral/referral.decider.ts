import type { Decider } from '@ruamjai/kernel';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { evolveReferral } from './referral.evolve';
import type { ReferralState } from './referral.state';
import { decideSendReferral } from './send-referral/send-referral.decide';
import { decideAcceptReferral } from './accept-referral/accept-referral.decide';
import { decideDeclineReferral } from './decline-referral/decline-referral.decide';
import { decideStartReferralService } from './start-referral-service/start-referral-service.decide';
import { decideCompleteReferral } from './complete-referral/complete-referral.decide';
import { decideRevokeReferral } from './revoke-referral/revoke-referral.decide';
import { decideMarkReferralOverdue } from './mark-referral-overdue/mark-referral-overdue.decide';

/** Hands each command to its use case. */
function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  switch (command.type) {
    case 'SendReferral':
      return decideSendReferral(command, state);
    case 'AcceptReferral':
      return decideAcceptReferral(command, state);
    case 'DeclineReferral':
      return decideDeclineReferral(command, state);
    case 'StartReferralService':
      return decideStartReferralService(command, state);
    case 'CompleteReferral':
      return decideCompleteReferral(command, state);
    case 'RevokeReferral':
      return decideRevokeReferral(command, state);
    case 'MarkReferralOverdue':
      return decideMarkReferralOverdue(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralState, ReferralEvent> = {
  initialState: { status: 'none' },
  decide,
  evolve: evolveReferral,
};
