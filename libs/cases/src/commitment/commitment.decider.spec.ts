import { deciderSpec } from '@ruamjai/testing';
import { CommitmentClosed, NotPledgingAgency } from './commitment.errors';
import type { CommitmentEvent } from './commitment.events';
import { commitmentDecider } from './commitment.decider';
import { police, coordinator, commitmentId, cmd, pledged, part, withdrawn } from './commitment.fixtures';

// Rules that span several commitment commands; each use case's own rules are specified in its folder.
const spec = deciderSpec(commitmentDecider);

describe('an open pledge', () => {
  it('is changed only by the pledging agency or the coordinator', () => {
    const toProject: CommitmentEvent = {
      ...pledged,
      data: { ...pledged.data, target: { kind: 'project', planId: 'p-1', projectId: 'pr-1' } },
    };
    spec
      .given([toProject])
      .when(cmd('WithdrawCommitment', { reason: 'x' }, police))
      .thenRefuses(NotPledgingAgency, 'COMMITMENT.NOT_PLEDGING_AGENCY');
    spec
      .given([pledged])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }, coordinator))
      .then([part]);
  });
});

describe('a fulfilled or withdrawn pledge', () => {
  const whole: CommitmentEvent = {
    type: 'CommitmentFulfilled',
    data: { commitmentId, quantity: 4, fulfilledTotal: 4, fulfilledOn: '2019-05-10', complete: true },
  };
  it.each([
    ['fulfilled', [pledged, whole]],
    ['withdrawn', [pledged, withdrawn]],
  ] as const)('%s takes no more changes', (_n, given) => {
    spec
      .given([...given])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }))
      .thenRefuses(CommitmentClosed, 'COMMITMENT.CLOSED');
    spec
      .given([...given])
      .when(cmd('ReviseCommitment', { quantity: 5, dueOn: '2019-07-31', reason: 'x' }))
      .thenRefuses(CommitmentClosed);
    spec
      .given([...given])
      .when(cmd('WithdrawCommitment', { reason: 'x' }))
      .thenRefuses(CommitmentClosed);
  });
});
