import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseClosedError, CaseNotFound } from '../case.errors';
import { caseId, cmd, opened, screened, identified, closed } from '../case.fixtures';

// A case whose personal data was erased has none left to update: ../case.decider.spec.ts states that
// rule once for every personal-data command.
const spec = deciderSpec(caseDecider);

describe('an unknown case', () => {
  it('is not found', () => {
    spec
      .given([])
      .when(cmd('UpdatePersonalData', { personalData: 'rj1.new' }))
      .thenRefuses(CaseNotFound, 'CASE.NOT_FOUND');
  });
});

describe('an open case', () => {
  it('takes the person’s data anew, sealed as it came', () => {
    spec
      .given([opened])
      .when(cmd('UpdatePersonalData', { personalData: 'rj1.new' }))
      .then([{ type: 'PersonalDataUpdated', data: { caseId, personalData: 'rj1.new' } }]);
  });
});

describe('a closed case', () => {
  it('takes no update of the person’s data until it is reopened', () => {
    spec
      .given([opened, screened, identified, closed])
      .when(cmd('UpdatePersonalData', { personalData: 'rj1.new' }))
      .thenRefuses(CaseClosedError, 'CASE.CLOSED');
  });
});
