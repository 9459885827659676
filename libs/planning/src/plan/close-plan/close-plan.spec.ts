import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FiscalYearNotOver, IllegalTransition } from '../plan.errors';
import { cmd, drafted, added, submitted, approved, closed } from '../plan-lifecycle.fixtures';

const spec = deciderSpec(planDecider);

describe('a drafting plan', () => {
  it('cannot be closed', () => {
    spec
      .given([drafted, added])
      .when(cmd('ClosePlan', { resultsSummary: 'x' }, new Date('2020-01-01')))
      .thenRefuses(IllegalTransition);
  });
});

describe('an approved plan', () => {
  it('is closed only after its fiscal year ends', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('ClosePlan', { resultsSummary: 'ครบ' }, new Date('2019-09-30T12:00:00Z')))
      .thenRefuses(FiscalYearNotOver, 'PLAN.FISCAL_YEAR_NOT_OVER');
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('ClosePlan', { resultsSummary: 'ครบ' }, new Date('2019-10-01T00:00:00Z')))
      .then([closed]);
  });
});

describe('a closed plan', () => {
  it('cannot be closed twice', () => {
    spec
      .given([drafted, added, submitted, approved, closed])
      .when(cmd('ClosePlan', { resultsSummary: 'x' }, new Date('2020-01-01')))
      .thenRefuses(IllegalTransition);
  });
});
