import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseFieldRequired, IllegalCaseTransition } from '../case.errors';
import { caseId, cmd, opened, screened, erased } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('a case in screening', () => {
  it('records screening with its indicators and form, moving to identification', () => {
    spec
      .given([opened])
      .when(cmd('RecordScreening', { indicators: [' debt_bondage ', 'debt_bondage'], formReference: 'ร.บ.1/2562-014' }))
      .then([screened]);
  });
  it('refuses screening without indicators', () => {
    spec
      .given([opened])
      .when(cmd('RecordScreening', { indicators: [' '], formReference: 'f' }))
      .thenRefuses(CaseFieldRequired, 'CASE.FIELD_REQUIRED');
  });
});

describe('a screened case', () => {
  it('cannot be screened again', () => {
    spec
      .given([opened, screened])
      .when(cmd('RecordScreening', { indicators: ['x'], formReference: 'f' }))
      .thenRefuses(IllegalCaseTransition);
  });
});

describe('erasure', () => {
  it('leaves the case itself workable', () => {
    spec
      .given([opened, erased])
      .when(cmd('RecordScreening', { indicators: ['x'], formReference: 'f' }))
      .then([{ type: 'CaseScreened', data: { caseId, indicators: ['x'], formReference: 'f' } }]);
  });
});
