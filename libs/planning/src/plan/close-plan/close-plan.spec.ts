import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FiscalYearNotOver, IllegalTransition, ReasonRequired } from '../plan.errors';
import { cmd, drafted, added, submitted, approved, amended, closed } from '../plan-lifecycle.fixtures';

const spec = deciderSpec(planDecider);

const afterTheYear = new Date('2019-10-01T00:00:00Z');

describe('a drafting plan', () => {
  it('cannot be closed', () => {
    spec
      .given([drafted, added])
      .when(cmd('ClosePlan', { resultsSummary: 'x' }, new Date('2020-01-01')))
      .thenRefuses(IllegalTransition);
  });
});

describe('a submitted plan', () => {
  it('cannot be closed before the chair approves it', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ClosePlan', { resultsSummary: 'x' }, new Date('2020-01-01')))
      .thenRefuses(IllegalTransition, 'PLAN.ILLEGAL_TRANSITION');
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
      .when(cmd('ClosePlan', { resultsSummary: 'ครบ' }, afterTheYear))
      .then([closed]);
  });
  it('is not closed without a summary of its results, nor with one of spaces alone', () => {
    for (const resultsSummary of [undefined, '', ' \n ']) {
      spec
        .given([drafted, added, submitted, approved])
        .when(cmd('ClosePlan', { resultsSummary }, afterTheYear))
        .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
    }
  });
  it('keeps the summary of its results without its surrounding spaces', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('ClosePlan', { resultsSummary: '  ครบ ' }, afterTheYear))
      .then([closed]);
  });
});

describe('an amended plan', () => {
  it('is closed after its fiscal year ends, like the edition first approved', () => {
    spec
      .given([drafted, added, submitted, approved, amended])
      .when(cmd('ClosePlan', { resultsSummary: 'ครบ' }, afterTheYear))
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
