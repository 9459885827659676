import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { NoConsentToWithdraw } from '../case.errors';
import { caseId, cmd, opened, consent } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('consent and legal basis', () => {
  it('withdraws consent given', () => {
    spec
      .given([opened, consent])
      .when(cmd('WithdrawConsent', { withdrawnOn: '2019-05-09' }))
      .then([{ type: 'ConsentWithdrawn', data: { caseId, withdrawnOn: '2019-05-09' } }]);
  });
  it('cannot withdraw consent never given', () => {
    spec
      .given([opened])
      .when(cmd('WithdrawConsent', { withdrawnOn: '2019-05-09' }))
      .thenRefuses(NoConsentToWithdraw, 'CASE.NO_CONSENT');
  });
});
