import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { IllegalTransition, ReasonRequired } from '../plan.errors';
import { planId, cmd, drafted, added, submitted } from '../plan-lifecycle.fixtures';

const spec = deciderSpec(planDecider);

describe('a submitted plan', () => {
  it('is returned to drafting with a reason', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnPlan', { reason: 'เพิ่มโครงการคุ้มครอง' }))
      .then([{ type: 'PlanReturned', data: { planId, reason: 'เพิ่มโครงการคุ้มครอง' } }]);
  });
  it('is not returned without a reason', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnPlan', { reason: ' ' }))
      .thenRefuses(ReasonRequired);
  });
  it('is not returned with no reason at all', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnPlan', {}))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('keeps the reason without its surrounding spaces', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnPlan', { reason: '  เพิ่มโครงการคุ้มครอง\n' }))
      .then([{ type: 'PlanReturned', data: { planId, reason: 'เพิ่มโครงการคุ้มครอง' } }]);
  });
});

describe('a plan not submitted', () => {
  it('is not returned while still in drafting', () => {
    spec
      .given([drafted, added])
      .when(cmd('ReturnPlan', { reason: 'เพิ่มโครงการคุ้มครอง' }))
      .thenRefuses(IllegalTransition);
  });
});
