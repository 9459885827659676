import type { Base } from '../../command';

export type StartReferralService = Base<'StartReferralService', { referralId: string }>;
