import type { Base } from '../../command';

export type AcceptReferral = Base<'AcceptReferral', { referralId: string }>;
