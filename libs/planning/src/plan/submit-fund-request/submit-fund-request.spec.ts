import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FundAmountInvalid, FundRequestAlreadyExists, ProjectNotFound } from '../plan.errors';
import { drafted, added, submitted, submit } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('a project without a Fund request', () => {
  it('asks the Fund for an amount, with a justification and an s.44 purpose', () => {
    spec.given([drafted, added]).when(submit()).then([submitted]);
  });
  it('cannot ask for nothing, or for more than the system takes', () => {
    spec.given([drafted, added]).when(submit(0)).thenRefuses(FundAmountInvalid, 'FUND.AMOUNT_INVALID');
    spec.given([drafted, added]).when(submit(2_000_000_000_000)).thenRefuses(FundAmountInvalid);
  });
  it('must exist in the plan', () => {
    spec.given([drafted]).when(submit()).thenRefuses(ProjectNotFound);
  });
});

describe('a submitted Fund request', () => {
  it('cannot be submitted twice', () => {
    spec.given([drafted, added, submitted]).when(submit()).thenRefuses(FundRequestAlreadyExists);
  });
});
