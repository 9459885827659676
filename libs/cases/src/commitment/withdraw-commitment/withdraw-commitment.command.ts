import type { Base } from '../../command';

export type WithdrawCommitment = Base<'WithdrawCommitment', { commitmentId: string; reason: string }>;
