import { deciderSpec } from '@ruamjai/testing';
import { ItemNotFound, KpiTargetInvalid, NothingChanged, TextRequired } from '../plan-structure.errors';
import { planId, projectId, kpiId, newKpiId, changeKpi, drafting } from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a KPI in a drafting plan', () => {
  it('is changed, recording only the fields that differ', () => {
    spec
      .given(drafting)
      .when(changeKpi({ descriptionTh: 'จำนวนผู้เข้าร่วมอบรม', unit: 'คน', target: 60, descriptionEn: 'Trainees' }))
      .then([
        { type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { target: 60, descriptionEn: 'Trainees' } } },
      ]);
  });

  it('refuses a change that changes nothing', () => {
    spec
      .given(drafting)
      .when(changeKpi({ unit: ' คน ', target: 50 }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a negative target or a blank unit', () => {
    spec
      .given(drafting)
      .when(changeKpi({ target: -5 }))
      .thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
    spec
      .given(drafting)
      .when(changeKpi({ unit: ' ' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a change to a KPI it does not have', () => {
    spec
      .given(drafting)
      .when(changeKpi({ kpiId: newKpiId, target: 1 }))
      .thenRefuses(ItemNotFound, 'PLAN.KPI_NOT_FOUND');
  });
});
