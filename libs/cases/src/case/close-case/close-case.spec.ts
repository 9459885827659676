import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { cmd, opened, screened, identified, closed } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('an identified victim', () => {
  const given = [opened, screened, identified];
  it('is closed with an outcome', () => {
    spec
      .given(given)
      .when(cmd('CloseCase', { outcome: 'reintegrated' }))
      .then([closed]);
  });
});
