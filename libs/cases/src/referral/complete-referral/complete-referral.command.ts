import type { Base } from '../../command';
import type { ReferralOutcome } from '../referral.values';

export type CompleteReferral = Base<'CompleteReferral', { referralId: string; outcome: ReferralOutcome }>;
