import type { Decider } from '@ruamjai/kernel';
import type { CommitmentCommand } from './commitment.commands';
import type { CommitmentEvent } from './commitment.events';
import { evolveCommitment } from './commitment.evolve';
import type { CommitmentState } from './commitment.state';
import { decidePledgeCommitment } from './pledge-commitment/pledge-commitment.decide';
import { decideRecordFulfilment } from './record-fulfilment/record-fulfilment.decide';
import { decideReviseCommitment } from './revise-commitment/revise-commitment.decide';
import { decideWithdrawCommitment } from './withdraw-commitment/withdraw-commitment.decide';

/** Hands each command to its use case. */
function decide(command: CommitmentCommand, state: CommitmentState): CommitmentEvent[] {
  switch (command.type) {
    case 'PledgeCommitment':
      return decidePledgeCommitment(command, state);
    case 'RecordFulfilment':
      return decideRecordFulfilment(command, state);
    case 'ReviseCommitment':
      return decideReviseCommitment(command, state);
    case 'WithdrawCommitment':
      return decideWithdrawCommitment(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const commitmentDecider: Decider<CommitmentCommand, CommitmentState, CommitmentEvent> = {
  initialState: { status: 'none' },
  decide,
  evolve: evolveCommitment,
};
