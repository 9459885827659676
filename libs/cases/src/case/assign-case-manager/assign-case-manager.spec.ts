import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { CaseUnchanged } from '../case.errors';
import { caseId, cmd, opened } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('a case in screening', () => {
  it('gets a case manager, but not the same one twice', () => {
    spec
      .given([opened])
      .when(cmd('AssignCaseManager', { caseManagerId: 'malee.s' }))
      .then([{ type: 'CaseManagerAssigned', data: { caseId, caseManagerId: 'malee.s' } }]);
    spec
      .given([opened, { type: 'CaseManagerAssigned', data: { caseId, caseManagerId: 'malee.s' } }])
      .when(cmd('AssignCaseManager', { caseManagerId: 'malee.s' }))
      .thenRefuses(CaseUnchanged);
  });
});
