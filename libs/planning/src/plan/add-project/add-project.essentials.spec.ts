import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../../agency/agency.errors';
import { planDecider } from '../plan.decider';
import { DistrictNotInProvince, InvalidBudget, PlanNotFound, ProjectAlreadyExists } from '../plan.errors';
import { psdhs, addProject, drafted, projectAdded } from '../plan-drafting.fixtures';

const spec = deciderSpec(planDecider);

describe('a plan not yet drafted', () => {
  it('has no projects to add to', () => {
    spec.given([]).when(addProject()).thenRefuses(PlanNotFound, 'PLAN.NOT_FOUND');
  });
});

describe('a drafting plan', () => {
  it("takes a project in its own province's districts", () => {
    spec.given([drafted]).when(addProject()).then([projectAdded]);
  });

  it('records each district once', () => {
    spec
      .given([drafted])
      .when(addProject({ districtCodes: ['2706', '2706', '2708'] }))
      .then([{ ...projectAdded, data: { ...projectAdded.data, districtCodes: ['2706', '2708'] } }]);
  });

  it('refuses a project in a district of another province', () => {
    spec
      .given([drafted])
      .when(addProject({ districtCodes: ['2706', '1001'] }))
      .thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses a negative budget', () => {
    spec
      .given([drafted])
      .when(addProject({ requestedBudgetSatang: -1 }))
      .thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
  });

  it('takes a project that asks for no money, run on what its agencies already have', () => {
    spec
      .given([drafted])
      .when(addProject({ requestedBudgetSatang: 0 }))
      .then([{ ...projectAdded, data: { ...projectAdded.data, requestedBudgetSatang: 0 } }]);
  });

  it('refuses a budget in fractions of a satang', () => {
    spec
      .given([drafted])
      .when(addProject({ requestedBudgetSatang: 10.5 }))
      .thenRefuses(InvalidBudget);
  });

  it('refuses a lead agency that is not in the directory', () => {
    spec
      .given([drafted])
      .when(addProject({}, { status: 'unknown' }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });

  it('refuses a lead agency that was deactivated', () => {
    spec
      .given([drafted])
      .when(addProject({}, { ...psdhs, status: 'inactive' }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses the same project twice', () => {
    spec
      .given([drafted, projectAdded])
      .when(addProject())
      .thenRefuses(ProjectAlreadyExists, 'PLAN.PROJECT_ALREADY_EXISTS');
  });
});
