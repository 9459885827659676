import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseUnchanged } from '../case.errors';
import { caseId, cmd, opened, screened, identified, closed, consent } from '../case.fixtures';

// An unknown case, and a case whose personal data was erased, refuse consent as they refuse the other
// personal-data commands: ../case.decider.spec.ts states those rules once for all of them.
const spec = deciderSpec(caseDecider);

describe('consent and legal basis', () => {
  it('records consent once', () => {
    spec
      .given([opened])
      .when(cmd('RecordConsent', { givenOn: '2019-05-02', scope: 'share_with_agencies' }))
      .then([consent]);
    spec
      .given([opened, consent])
      .when(cmd('RecordConsent', { givenOn: '2019-05-03', scope: 'share_with_agencies' }))
      .thenRefuses(CaseUnchanged);
  });
  it('records consent given again after it was withdrawn', () => {
    spec
      .given([opened, consent, { type: 'ConsentWithdrawn', data: { caseId, withdrawnOn: '2019-05-09' } }])
      .when(cmd('RecordConsent', { givenOn: '2019-05-20', scope: 'share_with_agencies' }))
      .then([{ type: 'ConsentRecorded', data: { caseId, givenOn: '2019-05-20', scope: 'share_with_agencies' } }]);
  });
});

describe('a closed case', () => {
  const given = [opened, screened, identified, closed];
  it('still records the person’s consent: it is a right over their data, not case work', () => {
    spec
      .given(given)
      .when(cmd('RecordConsent', { givenOn: '2019-05-02', scope: 'share_with_agencies' }))
      .then([consent]);
  });
  it('does not record consent it already holds', () => {
    spec
      .given([...given, consent])
      .when(cmd('RecordConsent', { givenOn: '2019-06-01', scope: 'share_with_agencies' }))
      .thenRefuses(CaseUnchanged, 'CASE.UNCHANGED');
  });
});
