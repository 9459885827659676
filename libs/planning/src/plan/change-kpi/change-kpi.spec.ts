import { deciderSpec } from '@ruamjai/testing';
import { ItemNotFound, KpiTargetInvalid, NothingChanged, TextRequired } from '../plan-structure.errors';
import type { PlanEvent } from '../plan.events';
import { planId, projectId, kpiId, newKpiId, changeKpi, drafting } from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

/** The KPI once given an English description. */
const named: PlanEvent = {
  type: 'KpiChanged',
  data: { planId, projectId, kpiId, changes: { descriptionEn: 'Trainees' } },
};

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

  it('changes the Thai description, stored without its surrounding spaces', () => {
    spec
      .given(drafting)
      .when(changeKpi({ descriptionTh: '  จำนวนผู้ผ่านการอบรม ' }))
      .then([
        { type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { descriptionTh: 'จำนวนผู้ผ่านการอบรม' } } },
      ]);
  });

  it('refuses a Thai description of spaces alone, naming the field', () => {
    spec
      .given(drafting)
      .when(changeKpi({ descriptionTh: ' \t ' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
    expect(() =>
      planDecider.decide(
        changeKpi({ descriptionTh: ' ' }),
        drafting.reduce(planDecider.evolve, planDecider.initialState),
      ),
    ).toThrow(expect.objectContaining({ details: { field: 'descriptionTh' } }));
  });

  it('stores the English description without its surrounding spaces', () => {
    spec
      .given(drafting)
      .when(changeKpi({ descriptionEn: ' Trainees  ' }))
      .then([{ type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { descriptionEn: 'Trainees' } } }]);
  });

  it('clears the English description given spaces alone', () => {
    spec
      .given([...drafting, named])
      .when(changeKpi({ descriptionEn: '   ' }))
      .then([{ type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { descriptionEn: null } } }]);
  });

  it('keeps the English description when a change leaves it out', () => {
    spec
      .given([...drafting, named])
      .when(changeKpi({ target: 70 }))
      .then([{ type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { target: 70 } } }]);
  });

  it('remembers its changes: the value it was changed to changes nothing, the one it had is a change', () => {
    const retargeted: PlanEvent = { type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { target: 60 } } };
    spec
      .given([...drafting, retargeted])
      .when(changeKpi({ target: 60 }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
    spec
      .given([...drafting, retargeted])
      .when(changeKpi({ target: 50 }))
      .then([{ type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { target: 50 } } }]);
    spec
      .given([...drafting, named])
      .when(changeKpi({ descriptionEn: 'Trainees', unit: 'คน' }))
      .thenRefuses(NothingChanged);
  });
});
