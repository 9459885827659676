import type { Actor } from '@ruamjai/kernel';
import { withData } from '@ruamjai/testing';
import type { AgencyState, AgencyType } from '../agency/agency.state';
import type { AgencyFacts, PlanCommand } from './plan.commands';
import type {
  ActivityAdded,
  BudgetLineAdded,
  KpiAdded,
  PlanAmended,
  PlanApproved,
  PlanDrafted,
  PlanEvent,
  ProjectAdded,
} from './plan.events';

/**
 * The plan the structure specs work on, and the people, agencies, commands and events they use:
 * one copy for the specs of every structure use case (add-project/, add-activity/…). Test data only; nothing
 * in the domain imports it.
 */

export const NOW = new Date('2019-05-01T03:00:00Z');
export const planId = '0d6f3f1e-0000-4000-8000-000000000001';
export const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
export const otherProjectId = '0d6f3f1e-0000-4000-8000-0000000000a2';
export const newProjectId = '0d6f3f1e-0000-4000-8000-0000000000a3';
export const activityId = '0d6f3f1e-0000-4000-8000-0000000000b1';
export const newActivityId = '0d6f3f1e-0000-4000-8000-0000000000b2';
export const kpiId = '0d6f3f1e-0000-4000-8000-0000000000c1';
export const newKpiId = '0d6f3f1e-0000-4000-8000-0000000000c2';
export const lineId = '0d6f3f1e-0000-4000-8000-0000000000d1';
export const newLineId = '0d6f3f1e-0000-4000-8000-0000000000d2';

/* ----- who acts ----- */

export const coordinator: Actor = { id: 'somchai', agency: 'PROV-SK', role: 'coordinator', province: 'TH-27' };
/** An officer of the agency that leads the project. */
export const leadOfficer: Actor = { id: 'malee', agency: 'PSDHS-SK', role: 'agency_officer', province: 'TH-27' };
/** An officer of an agency that takes part in the project, but does not lead it. */
export const partnerOfficer: Actor = { id: 'somsak', agency: 'IMM-SK', role: 'agency_officer', province: 'TH-27' };
/** An officer of an agency with nothing to do with the project. */
export const otherOfficer: Actor = { id: 'wichai', agency: 'POL-SK', role: 'agency_officer', province: 'TH-27' };

/* ----- the agency directory ----- */

export const active = (code: string, agencyType: AgencyType): AgencyState => ({
  status: 'active',
  code,
  nameTh: code,
  agencyType,
  districtCode: '2701',
});
export const directory: AgencyFacts = {
  'PSDHS-SK': active('PSDHS-SK', 'social_development'),
  'IMM-SK': active('IMM-SK', 'immigration'),
  'POL-SK': active('POL-SK', 'police'),
  'LAB-SK': active('LAB-SK', 'labour'),
  'SHELTER-SK': { ...active('SHELTER-SK', 'shelter'), status: 'inactive' } as AgencyState,
};
/** The directory with one agency missing, or deactivated. */
export const without = (code: string): AgencyFacts =>
  Object.fromEntries(Object.entries(directory).filter(([c]) => c !== code));
export const deactivated = (code: string): AgencyFacts => ({
  ...directory,
  [code]: { ...directory[code], status: 'inactive' } as AgencyState,
});

/* ----- commands ----- */

export type CommandOf<T extends PlanCommand['type']> = Extract<PlanCommand, { type: T }>;
export type DataOf<T extends PlanCommand['type']> = Omit<CommandOf<T>['data'], 'planId'>;
export interface Options {
  by?: Actor;
  agencies?: AgencyFacts;
}
export function command<T extends PlanCommand['type']>(
  type: T,
  data: DataOf<T>,
  { by = coordinator, agencies = directory }: Options = {},
): CommandOf<T> {
  return { type, data: { planId, ...data }, actor: by, at: NOW, agencies } as unknown as CommandOf<T>;
}

export const addProject = (data: Partial<DataOf<'AddProject'>> = {}, options?: Options) =>
  command(
    'AddProject',
    {
      projectId: newProjectId,
      titleTh: 'คุ้มครองแรงงานประมง',
      strategy: 'protection',
      leadAgencyCode: 'PSDHS-SK',
      districtCodes: ['2706'],
      requestedBudgetSatang: 3_000_000,
      fundingSource: 'provincial_budget',
      ...data,
    },
    options,
  );
export const changeProject = (data: Partial<DataOf<'ChangeProject'>>, options?: Options) =>
  command('ChangeProject', { projectId, ...data }, options);
export const reassignProject = (data: Partial<DataOf<'ReassignProject'>>, options?: Options) =>
  command('ReassignProject', { projectId, leadAgencyCode: 'PSDHS-SK', ...data }, options);
export const withdrawProject = (reason = 'โอนไปแผนปีหน้า', options?: Options, id = projectId) =>
  command('WithdrawProject', { projectId: id, reason }, options);
export const addActivity = (data: Partial<DataOf<'AddActivity'>> = {}, options?: Options) =>
  command(
    'AddActivity',
    {
      projectId,
      activityId: newActivityId,
      titleTh: 'ประชุมเครือข่ายเฝ้าระวัง',
      districtCode: '2703',
      startDate: '2019-06-01',
      endDate: '2019-06-02',
      targets: { general_public: 60 },
      ...data,
    },
    options,
  );
export const changeActivity = (data: Partial<DataOf<'ChangeActivity'>>, options?: Options) =>
  command('ChangeActivity', { activityId, ...data }, options);
export const reassignActivity = (
  responsibleAgencyCode: string,
  data: Partial<DataOf<'ReassignActivity'>> = {},
  options?: Options,
) => command('ReassignActivity', { activityId, responsibleAgencyCode, ...data }, options);
export const withdrawActivity = (reason = 'ยกเลิกเพราะน้ำท่วม', options?: Options, id = activityId) =>
  command('WithdrawActivity', { activityId: id, reason }, options);
export const addKpi = (data: Partial<DataOf<'AddKpi'>> = {}, options?: Options) =>
  command(
    'AddKpi',
    { projectId, kpiId: newKpiId, descriptionTh: 'ร้อยละผู้เข้าร่วมที่ผ่านแบบทดสอบ', unit: 'ร้อยละ', target: 80, ...data },
    options,
  );
export const changeKpi = (data: Partial<DataOf<'ChangeKpi'>>, options?: Options) =>
  command('ChangeKpi', { kpiId, ...data }, options);
export const withdrawKpi = (reason = 'วัดไม่ได้จริง', options?: Options, id = kpiId) =>
  command('WithdrawKpi', { kpiId: id, reason }, options);
export const addBudgetLine = (data: Partial<DataOf<'AddBudgetLine'>> = {}, options?: Options) =>
  command(
    'AddBudgetLine',
    { projectId, lineId: newLineId, fundingSource: 'local_administration', amountSatang: 800_000, ...data },
    options,
  );
export const reviseBudgetLine = (
  amountSatang: number,
  data: Partial<DataOf<'ReviseBudgetLine'>> = {},
  options?: Options,
) => command('ReviseBudgetLine', { lineId, amountSatang, reason: 'ราคาวัสดุสูงขึ้น', ...data }, options);
export const reassignBudgetLine = (
  fundingSource: DataOf<'ReassignBudgetLine'>['fundingSource'],
  data: Partial<DataOf<'ReassignBudgetLine'>> = {},
  options?: Options,
) => command('ReassignBudgetLine', { lineId, fundingSource, ...data }, options);
export const withdrawBudgetLine = (reason = 'อบจ. รับไปดำเนินการเอง', options?: Options, id = lineId) =>
  command('WithdrawBudgetLine', { lineId: id, reason }, options);

/* ----- events ----- */

export const drafted: PlanDrafted = {
  type: 'PlanDrafted',
  data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนปฏิบัติการ จังหวัดสระแก้ว', titleEn: null },
};
/** Led by PSDHS-SK, with IMM-SK taking part. */
export const projectAdded: ProjectAdded = {
  type: 'ProjectAdded',
  data: {
    planId,
    projectId,
    titleTh: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์',
    titleEn: null,
    strategy: 'prevention',
    leadAgencyCode: 'PSDHS-SK',
    participatingAgencyCodes: ['IMM-SK'],
    districtCodes: ['2706', '2703'],
    targetGroups: ['children', 'women'],
    objectives: ['ให้ความรู้แก่ชุมชนชายแดน'],
    requestedBudgetSatang: 15_000_000,
    fundingSource: 'anti_trafficking_fund',
  },
};
/**
 * A project alone, as the lifecycle, Fund and plan-view specs use it: no partners, target groups or
 * objectives, one district, with its budget and source.
 */
export const loneProjectAdded = (
  requestedBudgetSatang: number,
  fundingSource: ProjectAdded['data']['fundingSource'],
  id = projectId,
): ProjectAdded =>
  withData(projectAdded, {
    projectId: id,
    titleTh: 'โครงการ',
    participatingAgencyCodes: [],
    targetGroups: [],
    objectives: [],
    districtCodes: ['2706'],
    requestedBudgetSatang,
    fundingSource,
  });
/** Led by POL-SK alone. */
export const otherProjectAdded: ProjectAdded = {
  type: 'ProjectAdded',
  data: {
    planId,
    projectId: otherProjectId,
    titleTh: 'ปราบปรามการค้ามนุษย์ชายแดน',
    titleEn: null,
    strategy: 'prosecution',
    leadAgencyCode: 'POL-SK',
    participatingAgencyCodes: [],
    districtCodes: ['2706'],
    targetGroups: [],
    objectives: [],
    requestedBudgetSatang: 2_000_000,
    fundingSource: 'provincial_budget',
  },
};
export const activityAdded: ActivityAdded = {
  type: 'ActivityAdded',
  data: {
    planId,
    projectId,
    activityId,
    titleTh: 'อบรมแกนนำเยาวชน',
    titleEn: null,
    districtCode: '2706',
    startDate: '2019-01-10',
    endDate: '2019-01-12',
    targets: { children: 40, women: 10 },
    responsibleAgencyCode: 'PSDHS-SK',
  },
};
export const kpiAdded: KpiAdded = {
  type: 'KpiAdded',
  data: { planId, projectId, kpiId, descriptionTh: 'จำนวนผู้เข้าร่วมอบรม', descriptionEn: null, unit: 'คน', target: 50 },
};
export const lineAdded: BudgetLineAdded = {
  type: 'BudgetLineAdded',
  data: {
    planId,
    projectId,
    lineId,
    fundingSource: 'provincial_budget',
    amountSatang: 5_000_000,
    descriptionTh: 'ค่าอาหารและที่พัก',
  },
};
export const submitted: PlanEvent = { type: 'PlanSubmitted', data: { planId } };
export const approved: PlanApproved = {
  type: 'PlanApproved',
  data: { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
};
export const amendment = (edition: number, reason: string): PlanAmended => ({
  type: 'PlanAmended',
  data: { planId, edition, reason },
});
export const closed: PlanEvent = { type: 'PlanClosed', data: { planId, resultsSummary: 'ครบ' } };
export const projectWithdrawn: PlanEvent = { type: 'ProjectWithdrawn', data: { planId, projectId, reason: 'ยกเลิก' } };
export const activityWithdrawn: PlanEvent = {
  type: 'ActivityWithdrawn',
  data: { planId, projectId, activityId, reason: 'ยกเลิก' },
};
export const kpiWithdrawn: PlanEvent = { type: 'KpiWithdrawn', data: { planId, projectId, kpiId, reason: 'ยกเลิก' } };
export const lineWithdrawn: PlanEvent = {
  type: 'BudgetLineWithdrawn',
  data: { planId, projectId, lineId, reason: 'ยกเลิก' },
};

/** A plan being drafted, with two projects; the first has an activity, a KPI and a second budget line. */
export const drafting: PlanEvent[] = [drafted, projectAdded, otherProjectAdded, activityAdded, kpiAdded, lineAdded];
export const inSubmission: PlanEvent[] = [...drafting, submitted];
export const inForce: PlanEvent[] = [...inSubmission, approved];
export const amended: PlanEvent[] = [...inForce, amendment(2, 'เพิ่มกิจกรรม')];
export const closedPlan: PlanEvent[] = [...inForce, closed];

/** Every change to project P1 (led by PSDHS-SK, with IMM-SK taking part), as a given officer would send it. */
export const changesToTheProject = (by: Actor): [string, PlanCommand][] => [
  ['change the project', changeProject({ titleTh: 'ใหม่', reason: 'r' }, { by })],
  ['reassign the project', reassignProject({ leadAgencyCode: 'LAB-SK', reason: 'r' }, { by })],
  ['withdraw the project', withdrawProject('r', { by })],
  ['add an activity', addActivity({ reason: 'r' }, { by })],
  ['change an activity', changeActivity({ titleTh: 'ใหม่', reason: 'r' }, { by })],
  ['reassign an activity', reassignActivity('IMM-SK', { reason: 'r' }, { by })],
  ['withdraw an activity', withdrawActivity('r', { by })],
  ['add a KPI', addKpi({ reason: 'r' }, { by })],
  ['change a KPI', changeKpi({ target: 99, reason: 'r' }, { by })],
  ['withdraw a KPI', withdrawKpi('r', { by })],
  ['add a budget line', addBudgetLine({ reason: 'r' }, { by })],
  ['revise a budget line', reviseBudgetLine(1, { reason: 'r' }, { by })],
  ['revise the first budget line', reviseBudgetLine(1, { lineId: projectId, reason: 'r' }, { by })],
  ['reassign a budget line', reassignBudgetLine('agency_own', { reason: 'r' }, { by })],
  ['withdraw a budget line', withdrawBudgetLine('r', { by })],
];
