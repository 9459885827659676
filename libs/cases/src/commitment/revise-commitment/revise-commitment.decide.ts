import { QuantityInvalid } from '../commitment.errors';
import type { CommitmentEvent } from '../commitment.events';
import { pledged, positive, reason } from '../commitment.guards';
import type { CommitmentState } from '../commitment.state';
import type { ReviseCommitment } from './revise-commitment.command';

export function decideReviseCommitment(command: ReviseCommitment, state: CommitmentState): CommitmentEvent[] {
  const { commitmentId } = command.data;
  const c = pledged(state, commitmentId, command.actor);
  const quantity = positive(command.data.quantity);
  // A pledge cannot be revised below what was already delivered.
  if (quantity < c.fulfilled) throw new QuantityInvalid(quantity, { min: c.fulfilled });
  return [
    {
      type: 'CommitmentRevised',
      data: {
        commitmentId,
        previousQuantity: c.quantity,
        quantity,
        previousDueOn: c.dueOn,
        dueOn: command.data.dueOn,
        reason: reason(command.data.reason),
      },
    },
  ];
}
