import type { CommitmentEvent } from '../commitment.events';
import { pledged, reason } from '../commitment.guards';
import type { CommitmentState } from '../commitment.state';
import type { WithdrawCommitment } from './withdraw-commitment.command';

export function decideWithdrawCommitment(command: WithdrawCommitment, state: CommitmentState): CommitmentEvent[] {
  const { commitmentId } = command.data;
  pledged(state, commitmentId, command.actor);
  return [{ type: 'CommitmentWithdrawn', data: { commitmentId, reason: reason(command.data.reason) } }];
}
