import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseFieldRequired } from '../case.errors';
import { caseId, cmd, opened } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('erasure', () => {
  it('is refused with its legal ground, and the refusal is recorded', () => {
    spec
      .given([opened])
      .when(
        cmd('RefuseErasure', {
          requestedOn: '2019-06-01',
          legalGround: 'legal_claims',
          explanation: 'คดีอยู่ระหว่างพิจารณาของศาล',
        }),
      )
      .then([
        {
          type: 'ErasureRefused',
          data: {
            caseId,
            personId: 'p-1',
            requestedOn: '2019-06-01',
            legalGround: 'legal_claims',
            explanation: 'คดีอยู่ระหว่างพิจารณาของศาล',
          },
        },
      ]);
    spec
      .given([opened])
      .when(cmd('RefuseErasure', { requestedOn: '2019-06-01', legalGround: 'legal_claims', explanation: '' }))
      .thenRefuses(CaseFieldRequired);
  });
});
