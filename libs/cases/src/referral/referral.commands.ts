import type { SendReferral } from './send-referral/send-referral.command';
import type { AcceptReferral } from './accept-referral/accept-referral.command';
import type { DeclineReferral } from './decline-referral/decline-referral.command';
import type { StartReferralService } from './start-referral-service/start-referral-service.command';
import type { CompleteReferral } from './complete-referral/complete-referral.command';
import type { RevokeReferral } from './revoke-referral/revoke-referral.command';
import type { MarkReferralOverdue } from './mark-referral-overdue/mark-referral-overdue.command';

export type { SendReferral } from './send-referral/send-referral.command';
export type { AcceptReferral } from './accept-referral/accept-referral.command';
export type { DeclineReferral } from './decline-referral/decline-referral.command';
export type { StartReferralService } from './start-referral-service/start-referral-service.command';
export type { CompleteReferral } from './complete-referral/complete-referral.command';
export type { RevokeReferral } from './revoke-referral/revoke-referral.command';
export type { MarkReferralOverdue } from './mark-referral-overdue/mark-referral-overdue.command';
export type { ReferralFacts } from './send-referral/send-referral.command';

/** Every command a referral takes, one per use-case folder. */
export type ReferralCommand =
  | SendReferral
  | AcceptReferral
  | DeclineReferral
  | StartReferralService
  | CompleteReferral
  | RevokeReferral
  | MarkReferralOverdue;
