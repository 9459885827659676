import { deciderSpec } from '@ruamjai/testing';
import { CommitmentNotFound, QuantityInvalid } from '../commitment.errors';
import { commitmentDecider } from '../commitment.decider';
import { commitmentId, cmd, pledged, part } from '../commitment.fixtures';

const spec = deciderSpec(commitmentDecider);

describe('a new pledge', () => {
  it('does not exist to be fulfilled', () => {
    spec
      .given([])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }))
      .thenRefuses(CommitmentNotFound, 'COMMITMENT.NOT_FOUND');
  });
});

describe('an open pledge', () => {
  it('is fulfilled in part, then in whole', () => {
    spec
      .given([pledged])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }))
      .then([part]);
    spec
      .given([pledged, part])
      .when(cmd('RecordFulfilment', { quantity: 3, fulfilledOn: '2019-05-20' }))
      .then([
        {
          type: 'CommitmentFulfilled',
          data: { commitmentId, quantity: 3, fulfilledTotal: 4, fulfilledOn: '2019-05-20', complete: true },
        },
      ]);
  });
  it('is never fulfilled beyond what was pledged', () => {
    spec
      .given([pledged, part])
      .when(cmd('RecordFulfilment', { quantity: 4, fulfilledOn: '2019-05-20' }))
      .thenRefuses(QuantityInvalid);
  });
});
