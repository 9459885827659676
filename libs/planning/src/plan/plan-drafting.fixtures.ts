import type { Actor } from '@ruamjai/kernel';
import type { AgencyState } from '../agency/agency.state';
import type { AddProject, DraftPlan, ReviseProjectBudget } from './plan.commands';
import type { PlanDrafted, ProjectAdded } from './plan.events';

/**
 * A plan drafted for Sa Kaeo, fiscal year 2562, and its first project: the specs of drafting,
 * adding a project and revising its budget share them. Test data only: the specs import it.
 */

export const actor: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
export const at = new Date('2019-02-14T03:00:00Z');
export const planId = '0d6f3f1e-0000-4000-8000-000000000001';
export const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';

export const draft = (data: Partial<DraftPlan['data']> = {}): DraftPlan => ({
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
/** Registered and active: the lead agency of the first project. */
export const psdhs: Exclude<AgencyState, { status: 'unknown' }> = {
  status: 'active',
  code: 'PSDHS-SK',
  nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
  agencyType: 'social_development',
  districtCode: '2701',
} as const;
export const addProject = (data: Partial<AddProject['data']> = {}, leadAgency: AgencyState = psdhs): AddProject => ({
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
export const revise = (data: Partial<ReviseProjectBudget['data']> = {}): ReviseProjectBudget => ({
  type: 'ReviseProjectBudget',
  actor,
  at,
  data: { planId, projectId, requestedBudgetSatang: 12_000_000, reason: 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน', ...data },
});

export const drafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: draft().data.titleTh, titleEn: null },
};
export const projectAdded: ProjectAdded = {
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
