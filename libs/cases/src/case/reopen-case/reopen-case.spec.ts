import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseFieldRequired, IllegalCaseTransition } from '../case.errors';
import { caseId, cmd, opened, screened, identified, closed } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('a closed case', () => {
  const given = [opened, screened, identified, closed];
  it('is reopened with a reason, and not without one', () => {
    spec
      .given(given)
      .when(cmd('ReopenCase', { reason: 'พบข้อมูลใหม่' }))
      .then([{ type: 'CaseReopened', data: { caseId, reason: 'พบข้อมูลใหม่' } }]);
    spec
      .given(given)
      .when(cmd('ReopenCase', { reason: '  ' }))
      .thenRefuses(CaseFieldRequired);
  });
});

describe('an open case', () => {
  it('cannot be reopened', () => {
    spec
      .given([opened])
      .when(cmd('ReopenCase', { reason: 'x' }))
      .thenRefuses(IllegalCaseTransition);
  });
});
