import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { IllegalTransition, PlanHasNoProjects } from '../plan.errors';
import { cmd, drafted, added, submitted } from '../plan-lifecycle.fixtures';

const spec = deciderSpec(planDecider);

describe('a drafting plan', () => {
  it('is submitted for approval once it has a project', () => {
    spec.given([drafted, added]).when(cmd('SubmitPlan', {})).then([submitted]);
  });
  it('cannot be submitted without projects', () => {
    spec.given([drafted]).when(cmd('SubmitPlan', {})).thenRefuses(PlanHasNoProjects, 'PLAN.NO_PROJECTS');
  });
});

describe('a submitted plan', () => {
  it('cannot be submitted twice', () => {
    spec.given([drafted, added, submitted]).when(cmd('SubmitPlan', {})).thenRefuses(IllegalTransition);
  });
});
