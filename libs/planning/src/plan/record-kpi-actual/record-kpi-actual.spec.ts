import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import type { PlanEvent } from '../plan.events';
import {
  ItemNotFound,
  ItemWithdrawn,
  KpiTargetInvalid,
  NotOwnAgencyProject,
  PlanNotInExecution,
  ReportDateInvalid,
} from '../plan-structure.errors';
import {
  planId,
  projectId,
  kpiId,
  coordinator,
  partnerOfficer,
  otherOfficer,
  recordActual,
  actualRecorded,
  submitted,
  closed,
  drafting,
  inForce,
} from '../plan-progress.fixtures';

const spec = deciderSpec(planDecider);

describe('a plan not in execution', () => {
  it.each([
    ['a drafting', drafting],
    ['a submitted', [...drafting, submitted]],
    ['a closed', [...inForce, closed]],
  ])('%s plan takes no KPI actual', (_, given) => {
    spec
      .given(given)
      .when(recordActual({}, { by: coordinator }))
      .thenRefuses(PlanNotInExecution, 'PLAN.NOT_IN_EXECUTION');
  });
});

describe('a KPI of an approved plan', () => {
  it('takes its first actual from an officer of the lead agency', () => {
    spec
      .given(inForce)
      .when(recordActual({ note: ' จากแบบลงทะเบียน ' }))
      .then([actualRecorded({ note: 'จากแบบลงทะเบียน' })]);
  });

  it('takes a later actual, recording the one it replaces', () => {
    spec
      .given([...inForce, actualRecorded()])
      .when(recordActual({ actual: 51, measuredOn: '2019-05-01' }))
      .then([actualRecorded({ actual: 51, previousActual: 43, measuredOn: '2019-05-01' })]);
  });

  it('takes an actual of zero, and one past the target', () => {
    spec
      .given(inForce)
      .when(recordActual({ actual: 0 }))
      .then([actualRecorded({ actual: 0 })]);
    spec
      .given(inForce)
      .when(recordActual({ actual: 120.5 }))
      .then([actualRecorded({ actual: 120.5 })]);
  });

  it('takes actuals from an officer of an agency taking part, and from the secretariat', () => {
    spec
      .given(inForce)
      .when(recordActual({}, { by: partnerOfficer }))
      .then([actualRecorded()]);
    spec
      .given(inForce)
      .when(recordActual({}, { by: coordinator }))
      .then([actualRecorded()]);
  });

  it('refuses an actual from an officer of an agency outside the project', () => {
    spec
      .given(inForce)
      .when(recordActual({}, { by: otherOfficer }))
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });

  it('refuses a negative or non-numeric actual', () => {
    spec
      .given(inForce)
      .when(recordActual({ actual: -1 }))
      .thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
    spec
      .given(inForce)
      .when(recordActual({ actual: Number.POSITIVE_INFINITY }))
      .thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
  });

  it('refuses an actual measured in the future', () => {
    spec
      .given(inForce)
      .when(recordActual({ measuredOn: '2019-05-02' }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('refuses an actual measured before the fiscal year', () => {
    spec
      .given(inForce)
      .when(recordActual({ measuredOn: '2018-09-30' }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('refuses an actual measured after the fiscal year ended, while the plan is still open', () => {
    spec
      .given(inForce)
      .when(recordActual({ measuredOn: '2019-10-15' }, { at: new Date('2019-11-15T03:00:00Z') }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('refuses an actual for a KPI the plan does not have', () => {
    spec
      .given(inForce)
      .when(recordActual({ kpiId: '0d6f3f1e-0000-4000-8000-0000000000cf' }))
      .thenRefuses(ItemNotFound, 'PLAN.KPI_NOT_FOUND');
  });
});

describe('a withdrawn KPI of an approved plan', () => {
  it('takes no actual', () => {
    const withdrawn: PlanEvent[] = [
      { type: 'KpiWithdrawn', data: { planId, projectId, kpiId, reason: 'ยกเลิก' } },
      { type: 'PlanAmended', data: { planId, edition: 2, reason: 'ยกเลิก' } },
    ];
    spec
      .given([...inForce, ...withdrawn])
      .when(recordActual())
      .thenRefuses(ItemWithdrawn, 'PLAN.KPI_WITHDRAWN');
  });
});

describe('a KPI of a withdrawn project', () => {
  it('takes no actual', () => {
    const withdrawn: PlanEvent[] = [
      { type: 'ProjectWithdrawn', data: { planId, projectId, reason: 'ยกเลิก' } },
      { type: 'PlanAmended', data: { planId, edition: 2, reason: 'ยกเลิก' } },
    ];
    spec
      .given([...inForce, ...withdrawn])
      .when(recordActual())
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
});
