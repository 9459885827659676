import type { Base } from '../../command';

export type RevokeReferral = Base<'RevokeReferral', { referralId: string; reason: string }>;
