import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { NoConsentToWithdraw } from '../case.errors';
import { cmd, opened } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('consent and legal basis', () => {
  it('cannot withdraw consent never given', () => {
    spec
      .given([opened])
      .when(cmd('WithdrawConsent', { withdrawnOn: '2019-05-09' }))
      .thenRefuses(NoConsentToWithdraw, 'CASE.NO_CONSENT');
  });
});
