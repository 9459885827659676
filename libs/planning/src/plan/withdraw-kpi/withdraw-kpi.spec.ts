import { deciderSpec } from '@ruamjai/testing';
import { ReasonRequired } from '../plan.errors';
import { ItemNotFound, ItemWithdrawn } from '../plan-structure.errors';
import { planId, projectId, kpiId, newKpiId, changeKpi, withdrawKpi, kpiWithdrawn, drafting } from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a KPI in a drafting plan', () => {
  it('is withdrawn with a reason', () => {
    spec
      .given(drafting)
      .when(withdrawKpi())
      .then([{ type: 'KpiWithdrawn', data: { planId, projectId, kpiId, reason: 'วัดไม่ได้จริง' } }]);
  });

  it('refuses to withdraw a KPI without a reason', () => {
    spec.given(drafting).when(withdrawKpi(' ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw a KPI it does not have', () => {
    spec
      .given(drafting)
      .when(withdrawKpi('x', undefined, newKpiId))
      .thenRefuses(ItemNotFound, 'PLAN.KPI_NOT_FOUND');
  });
});

describe('a withdrawn KPI', () => {
  it('takes no more changes or withdrawals', () => {
    spec
      .given([...drafting, kpiWithdrawn])
      .when(changeKpi({ target: 70 }))
      .thenRefuses(ItemWithdrawn, 'PLAN.KPI_WITHDRAWN');
    spec
      .given([...drafting, kpiWithdrawn])
      .when(withdrawKpi())
      .thenRefuses(ItemWithdrawn, 'PLAN.KPI_WITHDRAWN');
  });
});
