import { deciderSpec } from '@ruamjai/testing';
import { ProjectNotFound, ReasonRequired } from './plan.errors';
import type { PlanEvent } from './plan.events';
import {
  ItemAlreadyExists,
  ItemNotFound,
  ItemWithdrawn,
  KpiTargetInvalid,
  NothingChanged,
  TextRequired,
} from './plan-structure.errors';
import {
  planId,
  projectId,
  newProjectId,
  kpiId,
  newKpiId,
  addKpi,
  changeKpi,
  withdrawKpi,
  kpiWithdrawn,
  drafting,
} from './plan.fixtures';
import { planDecider } from './plan.decider';

/*
 * The structure of a provincial plan: projects, their activities, KPIs and budget lines, each added,
 * changed, reassigned and withdrawn by command. While the plan is drafted changes are just made; a
 * submitted or closed plan takes none; an approved plan takes each as an amendment with a reason.
 */

const spec = deciderSpec(planDecider);

/* ===== KPIs ===== */

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
  it('keeps its id: a new KPI cannot take it', () => {
    spec
      .given([...drafting, kpiWithdrawn])
      .when(addKpi({ kpiId }))
      .thenRefuses(ItemAlreadyExists, 'PLAN.KPI_ALREADY_EXISTS');
  });
});
