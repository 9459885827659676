import type { Base } from '../../command';

export type DeclineReferral = Base<'DeclineReferral', { referralId: string; reason: string }>;
