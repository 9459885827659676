import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseAlreadyExists } from '../case.errors';
import { cmd, opened } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('no case yet', () => {
  it('is opened by the reporting agency, in screening, with the personal data sealed', () => {
    spec
      .given([])
      .when(
        cmd('OpenCase', {
          personId: 'p-1',
          source: 'border_screening',
          districtCode: '2706',
          foundOn: '2019-05-01',
          ageGroup: 'child',
          personalData: 'rj1.sealed',
        }),
      )
      .then([opened]);
  });
});

describe('a case in screening', () => {
  it('cannot be opened twice', () => {
    spec
      .given([opened])
      .when(
        cmd('OpenCase', {
          personId: 'p-2',
          source: 'police',
          districtCode: '2701',
          foundOn: '2019-05-01',
          ageGroup: 'adult',
          personalData: 'x',
        }),
      )
      .thenRefuses(CaseAlreadyExists, 'CASE.ALREADY_EXISTS');
  });
});
