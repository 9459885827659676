import { deciderSpec } from '@ruamjai/testing';
import { CommitmentNotFound } from '../commitment.errors';
import { commitmentDecider } from '../commitment.decider';
import { police, cmd, pledged, withdrawn } from '../commitment.fixtures';

const spec = deciderSpec(commitmentDecider);

describe('an open pledge', () => {
  it('is withdrawn with a reason', () => {
    spec
      .given([pledged])
      .when(cmd('WithdrawCommitment', { reason: 'งบถูกตัด' }))
      .then([withdrawn]);
  });
  it('is, when made to a case, not confirmed to another agency, whatever its state', () => {
    spec
      .given([pledged])
      .when(cmd('WithdrawCommitment', { reason: 'x' }, police))
      .thenRefuses(CommitmentNotFound, 'COMMITMENT.NOT_FOUND');
    spec
      .given([pledged, withdrawn])
      .when(cmd('WithdrawCommitment', { reason: 'x' }, police))
      .thenRefuses(CommitmentNotFound, 'COMMITMENT.NOT_FOUND');
  });
});
