import { deciderSpec } from '@ruamjai/testing';
import { CommitmentReasonRequired, QuantityInvalid } from '../commitment.errors';
import { commitmentDecider } from '../commitment.decider';
import { commitmentId, cmd, pledged, part } from '../commitment.fixtures';

const spec = deciderSpec(commitmentDecider);

describe('an open pledge', () => {
  it('is revised with a reason, never below what was delivered', () => {
    spec
      .given([pledged, part])
      .when(cmd('ReviseCommitment', { quantity: 2, dueOn: '2019-07-31', reason: 'ลดจำนวนเตียง' }))
      .then([
        {
          type: 'CommitmentRevised',
          data: {
            commitmentId,
            previousQuantity: 4,
            quantity: 2,
            previousDueOn: '2019-06-30',
            dueOn: '2019-07-31',
            reason: 'ลดจำนวนเตียง',
          },
        },
      ]);
    spec
      .given([pledged, part])
      .when(cmd('ReviseCommitment', { quantity: 0, dueOn: '2019-07-31', reason: 'x' }))
      .thenRefuses(QuantityInvalid);
    spec
      .given([pledged, { ...part, data: { ...part.data, quantity: 3, fulfilledTotal: 3 } }])
      .when(cmd('ReviseCommitment', { quantity: 2, dueOn: '2019-07-31', reason: 'x' }))
      .thenRefuses(QuantityInvalid);
    spec
      .given([pledged])
      .when(cmd('ReviseCommitment', { quantity: 2, dueOn: '2019-07-31', reason: '' }))
      .thenRefuses(CommitmentReasonRequired);
  });
});
