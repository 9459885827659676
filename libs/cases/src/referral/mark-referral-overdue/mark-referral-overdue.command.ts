import type { Base } from '../../command';

/** Raised by the overdue scheduler, not by people. */
export type MarkReferralOverdue = Base<'MarkReferralOverdue', { referralId: string }>;
