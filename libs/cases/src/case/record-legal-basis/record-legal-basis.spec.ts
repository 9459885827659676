import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseFieldRequired } from '../case.errors';
import { caseId, cmd, opened } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('consent and legal basis', () => {
  it('records a legal basis with its reference', () => {
    spec
      .given([opened])
      .when(cmd('RecordLegalBasis', { basis: 'vital_interest', reference: 'PDPA s.26(1)' }))
      .then([{ type: 'LegalBasisRecorded', data: { caseId, basis: 'vital_interest', reference: 'PDPA s.26(1)' } }]);
    spec
      .given([opened])
      .when(cmd('RecordLegalBasis', { basis: 'vital_interest', reference: '' }))
      .thenRefuses(CaseFieldRequired);
  });
});
