import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from './plan.decider';
import { PlanNotFound } from './plan.errors';
import { report, recordActual, progress, actualRecorded, amendedToEdition2, inForce } from './plan-progress.fixtures';

/*
 * What agencies did on an approved plan: progress on activities and actual values of KPIs, reported
 * by officers of the agencies that lead or take part in the project, or by the secretariat. These
 * are not amendments: they need no reason and move no edition. Whether a KPI was attained is read
 * from the views, not decided here.
 */

const spec = deciderSpec(planDecider);

describe('an amended plan', () => {
  it('takes progress and KPI actuals as an approved one does', () => {
    spec
      .given([...inForce, amendedToEdition2])
      .when(report())
      .then([progress()]);
    spec
      .given([...inForce, amendedToEdition2])
      .when(recordActual())
      .then([actualRecorded()]);
  });
});

describe('a plan not in execution', () => {
  it('is not there at all before it is drafted', () => {
    spec.given([]).when(report()).thenRefuses(PlanNotFound, 'PLAN.NOT_FOUND');
    spec.given([]).when(recordActual()).thenRefuses(PlanNotFound, 'PLAN.NOT_FOUND');
  });
});
