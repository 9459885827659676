import type { PledgeCommitment } from './pledge-commitment/pledge-commitment.command';
import type { RecordFulfilment } from './record-fulfilment/record-fulfilment.command';
import type { ReviseCommitment } from './revise-commitment/revise-commitment.command';
import type { WithdrawCommitment } from './withdraw-commitment/withdraw-commitment.command';

export type { PledgeCommitment } from './pledge-commitment/pledge-commitment.command';
export type { RecordFulfilment } from './record-fulfilment/record-fulfilment.command';
export type { ReviseCommitment } from './revise-commitment/revise-commitment.command';
export type { WithdrawCommitment } from './withdraw-commitment/withdraw-commitment.command';
export type { CaseParties } from './pledge-commitment/pledge-commitment.command';

/** Every command a commitment takes, one per use-case folder. */
export type CommitmentCommand = PledgeCommitment | RecordFulfilment | ReviseCommitment | WithdrawCommitment;
