import { ReferralCommands } from './referral.commands.handler';
import { SendReferralHandler } from './send-referral/send-referral.handler';
import { AcceptReferralHandler } from './accept-referral/accept-referral.handler';
import { DeclineReferralHandler } from './decline-referral/decline-referral.handler';
import { StartReferralServiceHandler } from './start-referral-service/start-referral-service.handler';
import { CompleteReferralHandler } from './complete-referral/complete-referral.handler';
import { RevokeReferralHandler } from './revoke-referral/revoke-referral.handler';

export { SendReferralRequest } from './send-referral/send-referral.handler';
export { AcceptReferralRequest } from './accept-referral/accept-referral.handler';
export { DeclineReferralRequest } from './decline-referral/decline-referral.handler';
export { StartReferralServiceRequest } from './start-referral-service/start-referral-service.handler';
export { CompleteReferralRequest } from './complete-referral/complete-referral.handler';
export { RevokeReferralRequest } from './revoke-referral/revoke-referral.handler';

/**
 * The referral's shared executor and one command handler per use case, for the module to provide.
 * MarkReferralOverdue has none: the overdue scheduler runs it, not people.
 */
export const REFERRAL_HANDLERS = [
  ReferralCommands,
  SendReferralHandler,
  AcceptReferralHandler,
  DeclineReferralHandler,
  StartReferralServiceHandler,
  CompleteReferralHandler,
  RevokeReferralHandler,
];
