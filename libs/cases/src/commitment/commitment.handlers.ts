import { CommitmentCommands } from './commitment.commands.handler';
import { PledgeCommitmentHandler } from './pledge-commitment/pledge-commitment.handler';
import { RecordFulfilmentHandler } from './record-fulfilment/record-fulfilment.handler';
import { ReviseCommitmentHandler } from './revise-commitment/revise-commitment.handler';
import { WithdrawCommitmentHandler } from './withdraw-commitment/withdraw-commitment.handler';

export { PledgeCommitmentRequest } from './pledge-commitment/pledge-commitment.handler';
export { RecordFulfilmentRequest } from './record-fulfilment/record-fulfilment.handler';
export { ReviseCommitmentRequest } from './revise-commitment/revise-commitment.handler';
export { WithdrawCommitmentRequest } from './withdraw-commitment/withdraw-commitment.handler';

/** The commitment's shared executor and one command handler per use case, for the module to provide. */
export const COMMITMENT_HANDLERS = [
  CommitmentCommands,
  PledgeCommitmentHandler,
  RecordFulfilmentHandler,
  ReviseCommitmentHandler,
  WithdrawCommitmentHandler,
];
