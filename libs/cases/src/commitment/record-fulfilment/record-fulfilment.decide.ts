import { QuantityInvalid } from '../commitment.errors';
import type { CommitmentEvent } from '../commitment.events';
import { pledged, positive } from '../commitment.guards';
import type { CommitmentState } from '../commitment.state';
import type { RecordFulfilment } from './record-fulfilment.command';

export function decideRecordFulfilment(command: RecordFulfilment, state: CommitmentState): CommitmentEvent[] {
  const { commitmentId } = command.data;
  const c = pledged(state, commitmentId, command.actor);
  const quantity = positive(command.data.quantity);
  const remaining = c.quantity - c.fulfilled;
  if (quantity > remaining) throw new QuantityInvalid(quantity, { max: remaining });
  const fulfilledTotal = c.fulfilled + quantity;
  return [
    {
      type: 'CommitmentFulfilled',
      data: {
        commitmentId,
        quantity,
        fulfilledTotal,
        fulfilledOn: command.data.fulfilledOn,
        complete: fulfilledTotal === c.quantity,
      },
    },
  ];
}
