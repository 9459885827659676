import { deciderSpec } from '@ruamjai/testing';
import { ProjectNotFound } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import { ItemAlreadyExists, KpiTargetInvalid, TextRequired } from '../plan-structure.errors';
import { planId, projectId, newProjectId, kpiId, newKpiId, addKpi, kpiWithdrawn, drafting } from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a KPI in a drafting plan', () => {
  it('is added to a project with a description, a unit and a target', () => {
    spec
      .given(drafting)
      .when(addKpi({ descriptionEn: ' Pass rate ', unit: ' ร้อยละ ' }))
      .then([
        {
          type: 'KpiAdded',
          data: {
            planId,
            projectId,
            kpiId: newKpiId,
            descriptionTh: 'ร้อยละผู้เข้าร่วมที่ผ่านแบบทดสอบ',
            descriptionEn: 'Pass rate',
            unit: 'ร้อยละ',
            target: 80,
          },
        },
      ]);
  });

  it('may aim at zero', () => {
    spec
      .given(drafting)
      .when(addKpi({ target: 0 }))
      .then([expect.objectContaining({ data: expect.objectContaining({ target: 0 }) })] as PlanEvent[]);
  });

  it('refuses a KPI without a Thai description or a unit', () => {
    spec
      .given(drafting)
      .when(addKpi({ descriptionTh: ' ' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
    spec
      .given(drafting)
      .when(addKpi({ unit: '' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a negative or non-numeric target', () => {
    spec
      .given(drafting)
      .when(addKpi({ target: -1 }))
      .thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
    spec
      .given(drafting)
      .when(addKpi({ target: Number.NaN }))
      .thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
  });

  it('refuses a KPI id already in the plan', () => {
    spec.given(drafting).when(addKpi({ kpiId })).thenRefuses(ItemAlreadyExists, 'PLAN.KPI_ALREADY_EXISTS');
  });

  it('refuses a KPI for a project the plan does not have', () => {
    spec
      .given(drafting)
      .when(addKpi({ projectId: newProjectId }))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });
});

describe('a withdrawn KPI', () => {
  it('keeps its id: a new KPI cannot take it', () => {
    spec
      .given([...drafting, kpiWithdrawn])
      .when(addKpi({ kpiId }))
      .thenRefuses(ItemAlreadyExists, 'PLAN.KPI_ALREADY_EXISTS');
  });
});
