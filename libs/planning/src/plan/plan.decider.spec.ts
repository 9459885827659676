import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../agency/agency.errors';
import type { AgencyState } from '../agency/agency.state';
import type { AddProject, DraftPlan, ReviseProjectBudget } from './plan.commands';
import { planDecider } from './plan.decider';
import {
  BudgetUnchanged,
  DistrictNotInProvince,
  FiscalYearOutOfRange,
  InvalidBudget,
  PlanAlreadyExists,
  PlanNotFound,
  ProjectAlreadyExists,
  ProjectNotFound,
  ReasonRequired,
  UnknownProvince,
} from './plan.errors';
import type { PlanDrafted, ProjectAdded } from './plan.events';

const spec = deciderSpec(planDecider);
const actor: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' };
const at = new Date('2019-02-14T03:00:00Z');
const planId = '0d6f3f1e-0000-4000-8000-000000000001';
const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';

const draft = (data: Partial<DraftPlan['data']> = {}): DraftPlan => ({
  type: 'DraftPlan',
  actor,
  at,
  data: {
    planId,
    provinceCode: 'TH-27',
    fiscalYear: 2562,
    titleTh: 'แผนปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์ จังหวัดสระแก้ว',
    ...data,
  },
});
const psdhs: AgencyState = {
  status: 'active',
  code: 'PSDHS-SK',
  nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
  agencyType: 'social_development',
  districtCode: '2701',
} as const;
const addProject = (data: Partial<AddProject['data']> = {}, leadAgency: AgencyState = psdhs): AddProject => ({
  type: 'AddProject',
  actor,
  at,
  agencies: { 'PSDHS-SK': leadAgency },
  data: {
    planId,
    projectId,
    titleTh: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็ก สตรี และครอบครัว',
    strategy: 'prevention',
    leadAgencyCode: 'PSDHS-SK',
    districtCodes: ['2706', '2708', '2703', '2702'],
    requestedBudgetSatang: 15_000_000,
    fundingSource: 'anti_trafficking_fund',
    ...data,
  },
});
const revise = (data: Partial<ReviseProjectBudget['data']> = {}): ReviseProjectBudget => ({
  type: 'ReviseProjectBudget',
  actor,
  at,
  data: { planId, projectId, requestedBudgetSatang: 12_000_000, reason: 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน', ...data },
});

const drafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: draft().data.titleTh, titleEn: null },
};
const projectAdded: ProjectAdded = {
  type: 'ProjectAdded',
  data: {
    planId,
    projectId,
    titleTh: addProject().data.titleTh,
    titleEn: null,
    strategy: 'prevention',
    leadAgencyCode: 'PSDHS-SK',
    participatingAgencyCodes: [],
    districtCodes: ['2706', '2708', '2703', '2702'],
    targetGroups: [],
    objectives: [],
    requestedBudgetSatang: 15_000_000,
    fundingSource: 'anti_trafficking_fund',
  },
};

describe('a plan not yet drafted', () => {
  it('is drafted for a known province and fiscal year', () => {
    spec.given([]).when(draft()).then([drafted]);
  });

  it('keeps an English title beside the Thai one', () => {
    spec
      .given([])
      .when(draft({ titleEn: 'Sa Kaeo action plan' }))
      .then([{ ...drafted, data: { ...drafted.data, titleEn: 'Sa Kaeo action plan' } }]);
  });

  it('refuses an unknown province', () => {
    spec
      .given([])
      .when(draft({ provinceCode: 'TH-99' }))
      .thenRefuses(UnknownProvince, 'PLAN.UNKNOWN_PROVINCE');
  });

  it('refuses a fiscal year before the Act of B.E. 2551', () => {
    spec
      .given([])
      .when(draft({ fiscalYear: 2550 }))
      .thenRefuses(FiscalYearOutOfRange);
  });

  it('refuses a fiscal year given in C.E. instead of B.E.', () => {
    spec
      .given([])
      .when(draft({ fiscalYear: 2019 }))
      .thenRefuses(FiscalYearOutOfRange);
  });

  it('accepts next fiscal year but not the one after', () => {
    // 14 Feb 2019 is in FY2562; FY2563 may be planned, FY2564 not yet.
    spec
      .given([])
      .when(draft({ fiscalYear: 2563 }))
      .then([{ ...drafted, data: { ...drafted.data, fiscalYear: 2563 } }]);
    spec
      .given([])
      .when(draft({ fiscalYear: 2564 }))
      .thenRefuses(FiscalYearOutOfRange, 'PLAN.FISCAL_YEAR_OUT_OF_RANGE');
  });

  it('has no projects to add to', () => {
    spec.given([]).when(addProject()).thenRefuses(PlanNotFound, 'PLAN.NOT_FOUND');
  });

  it('has no budgets to revise', () => {
    spec.given([]).when(revise()).thenRefuses(PlanNotFound);
  });
});

describe('a drafting plan', () => {
  it('cannot be drafted twice', () => {
    spec.given([drafted]).when(draft()).thenRefuses(PlanAlreadyExists, 'PLAN.ALREADY_EXISTS');
  });

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

  it('revises a project budget, recording the previous amount and the reason', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise())
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: {
            planId,
            projectId,
            previousBudgetSatang: 15_000_000,
            requestedBudgetSatang: 12_000_000,
            reason: 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน',
          },
        },
      ]);
  });

  it('revises from the latest revised amount', () => {
    const first = {
      type: 'ProjectBudgetRevised' as const,
      data: { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 12_000_000, reason: 'r' },
    };
    spec
      .given([drafted, projectAdded, first])
      .when(revise({ requestedBudgetSatang: 13_000_000, reason: 'เพิ่มกิจกรรม' }))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: {
            planId,
            projectId,
            previousBudgetSatang: 12_000_000,
            requestedBudgetSatang: 13_000_000,
            reason: 'เพิ่มกิจกรรม',
          },
        },
      ]);
  });

  it('refuses a budget revision without a reason', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise({ reason: '   ' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses a budget revision that changes nothing', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise({ requestedBudgetSatang: 15_000_000 }))
      .thenRefuses(BudgetUnchanged);
  });

  it('refuses a budget revision of a project it does not have', () => {
    spec.given([drafted]).when(revise()).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('refuses a negative revised budget', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise({ requestedBudgetSatang: -100 }))
      .thenRefuses(InvalidBudget);
  });
});
