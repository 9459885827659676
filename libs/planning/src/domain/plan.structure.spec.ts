import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered, type AgencyState, type AgencyType } from './agency/agency';
import type { AgencyFacts, PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import { BudgetUnchanged, DistrictNotInProvince, InvalidBudget, PlanNotEditable, ProjectAlreadyExists, ProjectNotFound, ReasonRequired } from './plan.errors';
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
import {
  AgencyNotInProject,
  AgencyStillResponsible,
  AmendmentBySecretariat,
  FirstBudgetLineKept,
  ItemAlreadyExists,
  ItemNotFound,
  ItemWithdrawn,
  KpiTargetInvalid,
  NotOwnAgencyProject,
  NothingChanged,
  ParticipantCountsInvalid,
  ScheduleInvalid,
  TextRequired,
} from './plan-structure.errors';

/*
 * The structure of a provincial plan: projects, their activities, KPIs and budget lines, each added,
 * changed, reassigned and withdrawn by command. While the plan is drafted changes are just made; a
 * submitted or closed plan takes none; an approved plan takes each as an amendment with a reason.
 */

const spec = deciderSpec(planDecider);
const NOW = new Date('2019-05-01T03:00:00Z');
const planId = '0d6f3f1e-0000-4000-8000-000000000001';
const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
const otherProjectId = '0d6f3f1e-0000-4000-8000-0000000000a2';
const newProjectId = '0d6f3f1e-0000-4000-8000-0000000000a3';
const activityId = '0d6f3f1e-0000-4000-8000-0000000000b1';
const newActivityId = '0d6f3f1e-0000-4000-8000-0000000000b2';
const kpiId = '0d6f3f1e-0000-4000-8000-0000000000c1';
const newKpiId = '0d6f3f1e-0000-4000-8000-0000000000c2';
const lineId = '0d6f3f1e-0000-4000-8000-0000000000d1';
const newLineId = '0d6f3f1e-0000-4000-8000-0000000000d2';

/* ----- who acts ----- */

const coordinator: Actor = { id: 'somchai', agency: 'PROV-SK', role: 'coordinator' };
/** An officer of the agency that leads the project. */
const leadOfficer: Actor = { id: 'malee', agency: 'PSDHS-SK', role: 'agency_officer' };
/** An officer of an agency that takes part in the project, but does not lead it. */
const partnerOfficer: Actor = { id: 'somsak', agency: 'IMM-SK', role: 'agency_officer' };
/** An officer of an agency with nothing to do with the project. */
const otherOfficer: Actor = { id: 'wichai', agency: 'POL-SK', role: 'agency_officer' };

/* ----- the agency directory ----- */

const active = (code: string, agencyType: AgencyType): AgencyState => ({ status: 'active', code, nameTh: code, agencyType, districtCode: '2701' });
const directory: AgencyFacts = {
  'PSDHS-SK': active('PSDHS-SK', 'social_development'),
  'IMM-SK': active('IMM-SK', 'immigration'),
  'POL-SK': active('POL-SK', 'police'),
  'LAB-SK': active('LAB-SK', 'labour'),
  'SHELTER-SK': { ...active('SHELTER-SK', 'shelter'), status: 'inactive' } as AgencyState,
};
/** The directory with one agency missing, or deactivated. */
const without = (code: string): AgencyFacts => Object.fromEntries(Object.entries(directory).filter(([c]) => c !== code));
const deactivated = (code: string): AgencyFacts => ({ ...directory, [code]: { ...directory[code], status: 'inactive' } as AgencyState });

/* ----- commands ----- */

type CommandOf<T extends PlanCommand['type']> = Extract<PlanCommand, { type: T }>;
type DataOf<T extends PlanCommand['type']> = Omit<CommandOf<T>['data'], 'planId'>;
interface Options {
  by?: Actor;
  agencies?: AgencyFacts;
}
function command<T extends PlanCommand['type']>(type: T, data: DataOf<T>, { by = coordinator, agencies = directory }: Options = {}): CommandOf<T> {
  return { type, data: { planId, ...data }, actor: by, at: NOW, agencies } as unknown as CommandOf<T>;
}

const addProject = (data: Partial<DataOf<'AddProject'>> = {}, options?: Options) =>
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
const changeProject = (data: Partial<DataOf<'ChangeProject'>>, options?: Options) => command('ChangeProject', { projectId, ...data }, options);
const reassignProject = (data: Partial<DataOf<'ReassignProject'>>, options?: Options) => command('ReassignProject', { projectId, leadAgencyCode: 'PSDHS-SK', ...data }, options);
const withdrawProject = (reason = 'โอนไปแผนปีหน้า', options?: Options, id = projectId) => command('WithdrawProject', { projectId: id, reason }, options);
const addActivity = (data: Partial<DataOf<'AddActivity'>> = {}, options?: Options) =>
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
const changeActivity = (data: Partial<DataOf<'ChangeActivity'>>, options?: Options) => command('ChangeActivity', { activityId, ...data }, options);
const reassignActivity = (responsibleAgencyCode: string, data: Partial<DataOf<'ReassignActivity'>> = {}, options?: Options) =>
  command('ReassignActivity', { activityId, responsibleAgencyCode, ...data }, options);
const withdrawActivity = (reason = 'ยกเลิกเพราะน้ำท่วม', options?: Options, id = activityId) => command('WithdrawActivity', { activityId: id, reason }, options);
const addKpi = (data: Partial<DataOf<'AddKpi'>> = {}, options?: Options) =>
  command('AddKpi', { projectId, kpiId: newKpiId, descriptionTh: 'ร้อยละผู้เข้าร่วมที่ผ่านแบบทดสอบ', unit: 'ร้อยละ', target: 80, ...data }, options);
const changeKpi = (data: Partial<DataOf<'ChangeKpi'>>, options?: Options) => command('ChangeKpi', { kpiId, ...data }, options);
const withdrawKpi = (reason = 'วัดไม่ได้จริง', options?: Options, id = kpiId) => command('WithdrawKpi', { kpiId: id, reason }, options);
const addBudgetLine = (data: Partial<DataOf<'AddBudgetLine'>> = {}, options?: Options) =>
  command('AddBudgetLine', { projectId, lineId: newLineId, fundingSource: 'local_administration', amountSatang: 800_000, ...data }, options);
const reviseBudgetLine = (amountSatang: number, data: Partial<DataOf<'ReviseBudgetLine'>> = {}, options?: Options) =>
  command('ReviseBudgetLine', { lineId, amountSatang, reason: 'ราคาวัสดุสูงขึ้น', ...data }, options);
const reassignBudgetLine = (fundingSource: DataOf<'ReassignBudgetLine'>['fundingSource'], data: Partial<DataOf<'ReassignBudgetLine'>> = {}, options?: Options) =>
  command('ReassignBudgetLine', { lineId, fundingSource, ...data }, options);
const withdrawBudgetLine = (reason = 'อบจ. รับไปดำเนินการเอง', options?: Options, id = lineId) => command('WithdrawBudgetLine', { lineId: id, reason }, options);

/* ----- events ----- */

const drafted: PlanDrafted = { type: 'PlanDrafted', data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนปฏิบัติการ จังหวัดสระแก้ว', titleEn: null } };
/** Led by PSDHS-SK, with IMM-SK taking part. */
const projectAdded: ProjectAdded = {
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
/** Led by POL-SK alone. */
const otherProjectAdded: ProjectAdded = {
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
const activityAdded: ActivityAdded = {
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
const kpiAdded: KpiAdded = { type: 'KpiAdded', data: { planId, projectId, kpiId, descriptionTh: 'จำนวนผู้เข้าร่วมอบรม', descriptionEn: null, unit: 'คน', target: 50 } };
const lineAdded: BudgetLineAdded = {
  type: 'BudgetLineAdded',
  data: { planId, projectId, lineId, fundingSource: 'provincial_budget', amountSatang: 5_000_000, descriptionTh: 'ค่าอาหารและที่พัก' },
};
const submitted: PlanEvent = { type: 'PlanSubmitted', data: { planId } };
const approved: PlanApproved = { type: 'PlanApproved', data: { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' } };
const amendment = (edition: number, reason: string): PlanAmended => ({ type: 'PlanAmended', data: { planId, edition, reason } });
const closed: PlanEvent = { type: 'PlanClosed', data: { planId, resultsSummary: 'ครบ' } };
const projectWithdrawn: PlanEvent = { type: 'ProjectWithdrawn', data: { planId, projectId, reason: 'ยกเลิก' } };
const activityWithdrawn: PlanEvent = { type: 'ActivityWithdrawn', data: { planId, projectId, activityId, reason: 'ยกเลิก' } };
const kpiWithdrawn: PlanEvent = { type: 'KpiWithdrawn', data: { planId, projectId, kpiId, reason: 'ยกเลิก' } };
const lineWithdrawn: PlanEvent = { type: 'BudgetLineWithdrawn', data: { planId, projectId, lineId, reason: 'ยกเลิก' } };

/** A plan being drafted, with two projects; the first has an activity, a KPI and a second budget line. */
const drafting: PlanEvent[] = [drafted, projectAdded, otherProjectAdded, activityAdded, kpiAdded, lineAdded];
const inSubmission: PlanEvent[] = [...drafting, submitted];
const inForce: PlanEvent[] = [...inSubmission, approved];
const amended: PlanEvent[] = [...inForce, amendment(2, 'เพิ่มกิจกรรม')];
const closedPlan: PlanEvent[] = [...inForce, closed];

/* ===== projects ===== */

describe('a project added to a drafting plan', () => {
  it('carries its strategy, participating agencies, target groups and objectives', () => {
    spec
      .given(drafting)
      .when(
        addProject({
          titleEn: '  Fishing workers  ',
          participatingAgencyCodes: ['LAB-SK', 'IMM-SK', 'LAB-SK', 'PSDHS-SK'],
          targetGroups: ['migrant_workers', 'migrant_workers', 'families'],
          objectives: ['  ตรวจเรือประมง  ', ' ', 'คัดแยกผู้เสียหาย'],
        }),
      )
      .then([
        {
          type: 'ProjectAdded',
          data: {
            planId,
            projectId: newProjectId,
            titleTh: 'คุ้มครองแรงงานประมง',
            titleEn: 'Fishing workers',
            strategy: 'protection',
            leadAgencyCode: 'PSDHS-SK',
            // Each once, never the lead among them.
            participatingAgencyCodes: ['LAB-SK', 'IMM-SK'],
            districtCodes: ['2706'],
            targetGroups: ['migrant_workers', 'families'],
            objectives: ['ตรวจเรือประมง', 'คัดแยกผู้เสียหาย'],
            requestedBudgetSatang: 3_000_000,
            fundingSource: 'provincial_budget',
          },
        },
      ]);
  });

  it('takes none of the optional parts when none are given', () => {
    spec
      .given(drafting)
      .when(addProject())
      .then([
        {
          type: 'ProjectAdded',
          data: {
            planId,
            projectId: newProjectId,
            titleTh: 'คุ้มครองแรงงานประมง',
            titleEn: null,
            strategy: 'protection',
            leadAgencyCode: 'PSDHS-SK',
            participatingAgencyCodes: [],
            districtCodes: ['2706'],
            targetGroups: [],
            objectives: [],
            requestedBudgetSatang: 3_000_000,
            fundingSource: 'provincial_budget',
          },
        },
      ]);
  });

  it('refuses a participating agency that is not in the directory', () => {
    spec.given(drafting).when(addProject({ participatingAgencyCodes: ['LAB-SK'] }, { agencies: without('LAB-SK') })).thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });

  it('refuses a participating agency that was deactivated', () => {
    spec.given(drafting).when(addProject({ participatingAgencyCodes: ['SHELTER-SK'] })).thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses a project without a Thai title', () => {
    spec.given(drafting).when(addProject({ titleTh: '   ' })).thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a project id already taken by a budget line', () => {
    spec.given(drafting).when(addProject({ projectId: lineId })).thenRefuses(ProjectAlreadyExists, 'PLAN.PROJECT_ALREADY_EXISTS');
  });

  it('refuses a project id already taken by a withdrawn project', () => {
    spec.given([...drafting, projectWithdrawn]).when(addProject({ projectId })).thenRefuses(ProjectAlreadyExists, 'PLAN.PROJECT_ALREADY_EXISTS');
  });

  it('is proposed by an agency officer for a project their own agency leads', () => {
    spec.given(drafting).when(addProject({}, { by: leadOfficer })).then([expect.objectContaining({ type: 'ProjectAdded' })] as PlanEvent[]);
  });

  it('refuses an agency officer proposing a project another agency would lead', () => {
    spec.given(drafting).when(addProject({ leadAgencyCode: 'POL-SK' }, { by: leadOfficer })).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });
});

describe('a project in a drafting plan', () => {
  it('is changed, recording only the fields that differ, with their new values', () => {
    spec
      .given(drafting)
      .when(changeProject({ titleTh: '  ประชารัฐร่วมใจ ป้องกันการค้ามนุษย์ ', strategy: 'prevention', districtCodes: ['2706', '2703'], objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'] }))
      .then([
        {
          type: 'ProjectChanged',
          data: { planId, projectId, changes: { titleTh: 'ประชารัฐร่วมใจ ป้องกันการค้ามนุษย์', objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'] } },
        },
      ]);
  });

  it('changes its strategy, districts and target groups, each recorded once', () => {
    spec
      .given(drafting)
      .when(changeProject({ strategy: 'partnership', districtCodes: ['2701', '2701', '2709'], targetGroups: ['families', 'families'] }))
      .then([{ type: 'ProjectChanged', data: { planId, projectId, changes: { strategy: 'partnership', districtCodes: ['2701', '2709'], targetGroups: ['families'] } } }]);
  });

  it('gains an English title, and loses it to a blank one', () => {
    const named: PlanEvent = { type: 'ProjectChanged', data: { planId, projectId, changes: { titleEn: 'Border communities' } } };
    spec.given(drafting).when(changeProject({ titleEn: ' Border communities ' })).then([named]);
    spec.given([...drafting, named]).when(changeProject({ titleEn: '  ' })).then([{ type: 'ProjectChanged', data: { planId, projectId, changes: { titleEn: null } } }]);
  });

  it('refuses a blank Thai title', () => {
    spec.given(drafting).when(changeProject({ titleTh: ' ' })).thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a district of another province', () => {
    spec.given(drafting).when(changeProject({ districtCodes: ['2706', '1001'] })).thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses a change that changes nothing', () => {
    spec.given(drafting).when(changeProject({ titleTh: ' ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ ', strategy: 'prevention', targetGroups: ['children', 'women'] })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change that names no field at all', () => {
    spec.given(drafting).when(changeProject({})).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change to a project it does not have', () => {
    spec.given(drafting).when(changeProject({ projectId: newProjectId, titleTh: 'x' })).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('classifies a project recorded before strategies were kept', () => {
    // The first ProjectAdded events had no strategy, participants, target groups or objectives.
    const legacy = {
      type: 'ProjectAdded',
      data: { planId, projectId: newProjectId, titleTh: 'โครงการเดิม', titleEn: null, leadAgencyCode: 'PSDHS-SK', districtCodes: ['2706'], requestedBudgetSatang: 100, fundingSource: 'provincial_budget' },
    } as unknown as ProjectAdded;
    spec.given([drafted, legacy]).when(changeProject({ projectId: newProjectId, strategy: 'protection' })).then([{ type: 'ProjectChanged', data: { planId, projectId: newProjectId, changes: { strategy: 'protection' } } }]);
    spec.given([drafted, legacy]).when(changeProject({ projectId: newProjectId, targetGroups: [], objectives: [] })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('is handed to another lead agency; the former lead stays on as a participant', () => {
    spec
      .given(drafting)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK' }))
      .then([
        {
          type: 'ProjectReassigned',
          data: { planId, projectId, leadAgencyCode: 'LAB-SK', participatingAgencyCodes: ['IMM-SK', 'PSDHS-SK'], previousLeadAgencyCode: 'PSDHS-SK', previousParticipatingAgencyCodes: ['IMM-SK'] },
        },
      ]);
  });

  it('is handed to the agency that took part in it, which stops being a participant', () => {
    spec
      .given(drafting)
      .when(reassignProject({ leadAgencyCode: 'IMM-SK' }))
      .then([
        {
          type: 'ProjectReassigned',
          data: { planId, projectId, leadAgencyCode: 'IMM-SK', participatingAgencyCodes: ['PSDHS-SK'], previousLeadAgencyCode: 'PSDHS-SK', previousParticipatingAgencyCodes: ['IMM-SK'] },
        },
      ]);
  });

  it('changes who takes part, each once and never the lead', () => {
    spec
      .given(drafting)
      .when(reassignProject({ participatingAgencyCodes: ['LAB-SK', 'POL-SK', 'LAB-SK', 'PSDHS-SK'] }))
      .then([
        {
          type: 'ProjectReassigned',
          data: { planId, projectId, leadAgencyCode: 'PSDHS-SK', participatingAgencyCodes: ['LAB-SK', 'POL-SK'], previousLeadAgencyCode: 'PSDHS-SK', previousParticipatingAgencyCodes: ['IMM-SK'] },
        },
      ]);
  });

  it('keeps an agency already taking part without asking the directory again', () => {
    spec
      .given(drafting)
      .when(reassignProject({ participatingAgencyCodes: ['IMM-SK', 'LAB-SK'] }, { agencies: without('IMM-SK') }))
      .then([expect.objectContaining({ type: 'ProjectReassigned' })] as PlanEvent[]);
  });

  it('refuses to hand a project to an agency that is not in the directory', () => {
    spec.given(drafting).when(reassignProject({ leadAgencyCode: 'LAB-SK' }, { agencies: without('LAB-SK') })).thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });

  it('refuses to hand a project to an agency that was deactivated', () => {
    spec.given(drafting).when(reassignProject({ leadAgencyCode: 'SHELTER-SK' })).thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses a new participating agency that is unknown or deactivated', () => {
    spec.given(drafting).when(reassignProject({ participatingAgencyCodes: ['IMM-SK', 'NGO-XX'] })).thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec.given(drafting).when(reassignProject({ participatingAgencyCodes: ['IMM-SK', 'LAB-SK'] }, { agencies: deactivated('LAB-SK') })).thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses a reassignment to the same lead and the same participants', () => {
    spec.given(drafting).when(reassignProject({})).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
    spec.given(drafting).when(reassignProject({ participatingAgencyCodes: ['IMM-SK', 'PSDHS-SK'] })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses to reassign a project it does not have', () => {
    spec.given(drafting).when(reassignProject({ projectId: newProjectId, leadAgencyCode: 'LAB-SK' })).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('is withdrawn with a reason, kept in the record', () => {
    spec.given(drafting).when(withdrawProject('  โอนไปแผนปีหน้า ')).then([{ type: 'ProjectWithdrawn', data: { planId, projectId, reason: 'โอนไปแผนปีหน้า' } }]);
  });

  it('refuses to withdraw a project without a reason', () => {
    spec.given(drafting).when(withdrawProject('  ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw a project it does not have', () => {
    spec.given(drafting).when(withdrawProject('x', undefined, newProjectId)).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });
});

describe('a withdrawn project', () => {
  const given = [...drafting, projectWithdrawn];

  it('cannot be withdrawn again', () => {
    spec.given(given).when(withdrawProject()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no more changes or reassignments', () => {
    spec.given(given).when(changeProject({ titleTh: 'ใหม่' })).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(reassignProject({ leadAgencyCode: 'LAB-SK' })).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no new activities, KPIs or budget lines', () => {
    spec.given(given).when(addActivity()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(addKpi()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(addBudgetLine()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no changes to the activities, KPIs and budget lines it had', () => {
    spec.given(given).when(changeActivity({ titleTh: 'ใหม่' })).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(withdrawKpi()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(reviseBudgetLine(1)).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('leaves the other projects of the plan open to change', () => {
    spec.given(given).when(changeProject({ projectId: otherProjectId, titleTh: 'ปราบปราม' })).then([{ type: 'ProjectChanged', data: { planId, projectId: otherProjectId, changes: { titleTh: 'ปราบปราม' } } }]);
  });
});

/* ===== activities ===== */

describe('an activity added to a drafting plan', () => {
  it('is run by the lead agency when no one else is named', () => {
    spec
      .given(drafting)
      .when(addActivity({ titleEn: ' Watch network ', targets: { general_public: 60, children: 0 } }))
      .then([
        {
          type: 'ActivityAdded',
          data: {
            planId,
            projectId,
            activityId: newActivityId,
            titleTh: 'ประชุมเครือข่ายเฝ้าระวัง',
            titleEn: 'Watch network',
            districtCode: '2703',
            startDate: '2019-06-01',
            endDate: '2019-06-02',
            // Groups with no one planned are not kept.
            targets: { general_public: 60 },
            responsibleAgencyCode: 'PSDHS-SK',
          },
        },
      ]);
  });

  it('may be run by an agency taking part in the project', () => {
    spec.given(drafting).when(addActivity({ responsibleAgencyCode: 'IMM-SK' })).then([expect.objectContaining({ data: expect.objectContaining({ responsibleAgencyCode: 'IMM-SK' }) })] as PlanEvent[]);
  });

  it('refuses an agency that neither leads nor takes part in the project', () => {
    spec.given(drafting).when(addActivity({ responsibleAgencyCode: 'POL-SK' })).thenRefuses(AgencyNotInProject, 'PLAN.AGENCY_NOT_IN_PROJECT');
  });

  it('refuses a responsible agency that is no longer in the directory or was deactivated', () => {
    spec.given(drafting).when(addActivity({ responsibleAgencyCode: 'IMM-SK' }, { agencies: without('IMM-SK') })).thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec.given(drafting).when(addActivity({ responsibleAgencyCode: 'IMM-SK' }, { agencies: deactivated('IMM-SK') })).thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('is scheduled anywhere from the first to the last day of the fiscal year', () => {
    spec.given(drafting).when(addActivity({ startDate: '2018-10-01', endDate: '2019-09-30' })).then([expect.objectContaining({ type: 'ActivityAdded' })] as PlanEvent[]);
  });

  it('refuses a schedule that starts before the fiscal year', () => {
    spec.given(drafting).when(addActivity({ startDate: '2018-09-30' })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a schedule that ends after the fiscal year', () => {
    spec.given(drafting).when(addActivity({ endDate: '2019-10-01' })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a schedule that ends before it starts', () => {
    spec.given(drafting).when(addActivity({ startDate: '2019-06-02', endDate: '2019-06-01' })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a date that is not on the calendar', () => {
    spec.given(drafting).when(addActivity({ startDate: '2019-02-29', endDate: '2019-03-01' })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
    spec.given(drafting).when(addActivity({ startDate: '1/6/2019' })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a district of another province', () => {
    spec.given(drafting).when(addActivity({ districtCode: '1001' })).thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses targets for an unknown target group', () => {
    spec.given(drafting).when(addActivity({ targets: { tourists: 5 } as never })).thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses a negative or fractional target', () => {
    spec.given(drafting).when(addActivity({ targets: { children: -1 } })).thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
    spec.given(drafting).when(addActivity({ targets: { children: 2.5 } })).thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses an activity without a Thai title', () => {
    spec.given(drafting).when(addActivity({ titleTh: '' })).thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses an activity id already in the plan, even one withdrawn', () => {
    spec.given(drafting).when(addActivity({ activityId })).thenRefuses(ItemAlreadyExists, 'PLAN.ACTIVITY_ALREADY_EXISTS');
    spec.given([...drafting, activityWithdrawn]).when(addActivity({ activityId })).thenRefuses(ItemAlreadyExists, 'PLAN.ACTIVITY_ALREADY_EXISTS');
  });

  it('refuses an activity for a project the plan does not have', () => {
    spec.given(drafting).when(addActivity({ projectId: newProjectId })).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });
});

describe('an activity in a drafting plan', () => {
  it('is changed, recording only the fields that differ', () => {
    spec
      .given(drafting)
      .when(changeActivity({ titleTh: 'อบรมแกนนำเยาวชน', districtCode: '2702', endDate: '2019-01-13', targets: { children: 40, women: 10, at_risk_youth: 5 } }))
      .then([
        {
          type: 'ActivityChanged',
          data: { planId, projectId, activityId, changes: { districtCode: '2702', endDate: '2019-01-13', targets: { children: 40, women: 10, at_risk_youth: 5 } } },
        },
      ]);
  });

  it('is moved within the fiscal year by both its dates', () => {
    spec
      .given(drafting)
      .when(changeActivity({ startDate: '2019-08-01', endDate: '2019-08-03' }))
      .then([{ type: 'ActivityChanged', data: { planId, projectId, activityId, changes: { startDate: '2019-08-01', endDate: '2019-08-03' } } }]);
  });

  it('refuses a new start after the end it keeps', () => {
    spec.given(drafting).when(changeActivity({ startDate: '2019-01-13' })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a new end past the fiscal year', () => {
    spec.given(drafting).when(changeActivity({ endDate: '2019-12-31' })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a district of another province', () => {
    spec.given(drafting).when(changeActivity({ districtCode: '1001' })).thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses targets with an unknown group or a negative count', () => {
    spec.given(drafting).when(changeActivity({ targets: { monks: 3 } as never })).thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
    spec.given(drafting).when(changeActivity({ targets: { women: -10 } })).thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses a blank Thai title', () => {
    spec.given(drafting).when(changeActivity({ titleTh: '  ' })).thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a change that changes nothing', () => {
    spec.given(drafting).when(changeActivity({ titleTh: 'อบรมแกนนำเยาวชน', startDate: '2019-01-10', targets: { children: 40, women: 10 } })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change of targets that only lists the same counts in another order', () => {
    spec.given(drafting).when(changeActivity({ targets: { women: 10, children: 40 } })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change to an activity it does not have', () => {
    spec.given(drafting).when(changeActivity({ activityId: newActivityId, titleTh: 'x' })).thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });

  it('is handed to an agency taking part in the project, and back to the lead', () => {
    const handed: PlanEvent = { type: 'ActivityReassigned', data: { planId, projectId, activityId, responsibleAgencyCode: 'IMM-SK', previousAgencyCode: 'PSDHS-SK' } };
    spec.given(drafting).when(reassignActivity('IMM-SK')).then([handed]);
    spec.given([...drafting, handed]).when(reassignActivity('PSDHS-SK')).then([{ type: 'ActivityReassigned', data: { planId, projectId, activityId, responsibleAgencyCode: 'PSDHS-SK', previousAgencyCode: 'IMM-SK' } }]);
  });

  it('refuses to hand an activity to an agency outside the project', () => {
    spec.given(drafting).when(reassignActivity('POL-SK')).thenRefuses(AgencyNotInProject, 'PLAN.AGENCY_NOT_IN_PROJECT');
  });

  it('refuses to hand an activity to a project agency no longer in the directory, or deactivated', () => {
    spec.given(drafting).when(reassignActivity('IMM-SK', {}, { agencies: without('IMM-SK') })).thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec.given(drafting).when(reassignActivity('IMM-SK', {}, { agencies: deactivated('IMM-SK') })).thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses to hand an activity to the agency already running it', () => {
    spec.given(drafting).when(reassignActivity('PSDHS-SK')).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses to reassign an activity it does not have', () => {
    spec.given(drafting).when(reassignActivity('IMM-SK', { activityId: newActivityId })).thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });

  it('is withdrawn with a reason', () => {
    spec.given(drafting).when(withdrawActivity(' ยกเลิกเพราะน้ำท่วม ')).then([{ type: 'ActivityWithdrawn', data: { planId, projectId, activityId, reason: 'ยกเลิกเพราะน้ำท่วม' } }]);
  });

  it('refuses to withdraw an activity without a reason', () => {
    spec.given(drafting).when(withdrawActivity('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw an activity it does not have', () => {
    spec.given(drafting).when(withdrawActivity('x', undefined, newActivityId)).thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });
});

describe('a withdrawn activity', () => {
  const given = [...drafting, activityWithdrawn];

  it('takes no more changes, reassignments or withdrawals', () => {
    spec.given(given).when(changeActivity({ titleTh: 'ใหม่' })).thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
    spec.given(given).when(reassignActivity('IMM-SK')).thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
    spec.given(given).when(withdrawActivity()).thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
  });
});

/* ===== KPIs ===== */

describe('a KPI in a drafting plan', () => {
  it('is added to a project with a description, a unit and a target', () => {
    spec
      .given(drafting)
      .when(addKpi({ descriptionEn: ' Pass rate ', unit: ' ร้อยละ ' }))
      .then([{ type: 'KpiAdded', data: { planId, projectId, kpiId: newKpiId, descriptionTh: 'ร้อยละผู้เข้าร่วมที่ผ่านแบบทดสอบ', descriptionEn: 'Pass rate', unit: 'ร้อยละ', target: 80 } }]);
  });

  it('may aim at zero', () => {
    spec.given(drafting).when(addKpi({ target: 0 })).then([expect.objectContaining({ data: expect.objectContaining({ target: 0 }) })] as PlanEvent[]);
  });

  it('refuses a KPI without a Thai description or a unit', () => {
    spec.given(drafting).when(addKpi({ descriptionTh: ' ' })).thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
    spec.given(drafting).when(addKpi({ unit: '' })).thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a negative or non-numeric target', () => {
    spec.given(drafting).when(addKpi({ target: -1 })).thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
    spec.given(drafting).when(addKpi({ target: Number.NaN })).thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
  });

  it('refuses a KPI id already in the plan', () => {
    spec.given(drafting).when(addKpi({ kpiId })).thenRefuses(ItemAlreadyExists, 'PLAN.KPI_ALREADY_EXISTS');
  });

  it('refuses a KPI for a project the plan does not have', () => {
    spec.given(drafting).when(addKpi({ projectId: newProjectId })).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('is changed, recording only the fields that differ', () => {
    spec
      .given(drafting)
      .when(changeKpi({ descriptionTh: 'จำนวนผู้เข้าร่วมอบรม', unit: 'คน', target: 60, descriptionEn: 'Trainees' }))
      .then([{ type: 'KpiChanged', data: { planId, projectId, kpiId, changes: { target: 60, descriptionEn: 'Trainees' } } }]);
  });

  it('refuses a change that changes nothing', () => {
    spec.given(drafting).when(changeKpi({ unit: ' คน ', target: 50 })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a negative target or a blank unit', () => {
    spec.given(drafting).when(changeKpi({ target: -5 })).thenRefuses(KpiTargetInvalid, 'PLAN.KPI_VALUE_INVALID');
    spec.given(drafting).when(changeKpi({ unit: ' ' })).thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a change to a KPI it does not have', () => {
    spec.given(drafting).when(changeKpi({ kpiId: newKpiId, target: 1 })).thenRefuses(ItemNotFound, 'PLAN.KPI_NOT_FOUND');
  });

  it('is withdrawn with a reason', () => {
    spec.given(drafting).when(withdrawKpi()).then([{ type: 'KpiWithdrawn', data: { planId, projectId, kpiId, reason: 'วัดไม่ได้จริง' } }]);
  });

  it('refuses to withdraw a KPI without a reason', () => {
    spec.given(drafting).when(withdrawKpi(' ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw a KPI it does not have', () => {
    spec.given(drafting).when(withdrawKpi('x', undefined, newKpiId)).thenRefuses(ItemNotFound, 'PLAN.KPI_NOT_FOUND');
  });
});

describe('a withdrawn KPI', () => {
  it('takes no more changes or withdrawals', () => {
    spec.given([...drafting, kpiWithdrawn]).when(changeKpi({ target: 70 })).thenRefuses(ItemWithdrawn, 'PLAN.KPI_WITHDRAWN');
    spec.given([...drafting, kpiWithdrawn]).when(withdrawKpi()).thenRefuses(ItemWithdrawn, 'PLAN.KPI_WITHDRAWN');
  });
  it('keeps its id: a new KPI cannot take it', () => {
    spec.given([...drafting, kpiWithdrawn]).when(addKpi({ kpiId })).thenRefuses(ItemAlreadyExists, 'PLAN.KPI_ALREADY_EXISTS');
  });
});

/* ===== budget lines ===== */

describe('a budget line in a drafting plan', () => {
  it('is added to a project from another funding source', () => {
    spec
      .given(drafting)
      .when(addBudgetLine({ descriptionTh: ' ค่าพาหนะ ' }))
      .then([{ type: 'BudgetLineAdded', data: { planId, projectId, lineId: newLineId, fundingSource: 'local_administration', amountSatang: 800_000, descriptionTh: 'ค่าพาหนะ' } }]);
  });

  it('refuses a negative amount or fractions of a satang', () => {
    spec.given(drafting).when(addBudgetLine({ amountSatang: -1 })).thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
    spec.given(drafting).when(addBudgetLine({ amountSatang: 0.5 })).thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
  });

  it('refuses a line id already in the plan', () => {
    spec.given(drafting).when(addBudgetLine({ lineId })).thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
  });

  it("refuses a line id that is a project's id: that is the project's first line", () => {
    spec.given(drafting).when(addBudgetLine({ lineId: projectId })).thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
    spec.given(drafting).when(addBudgetLine({ lineId: otherProjectId })).thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
  });

  it('refuses a line for a project the plan does not have', () => {
    spec.given(drafting).when(addBudgetLine({ projectId: newProjectId })).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('is revised with a reason, recording the previous amount', () => {
    spec.given(drafting).when(reviseBudgetLine(4_500_000, { reason: ' ลดวันอบรม ' })).then([
      { type: 'BudgetLineRevised', data: { planId, projectId, lineId, previousSatang: 5_000_000, amountSatang: 4_500_000, reason: 'ลดวันอบรม' } },
    ]);
  });

  it('is revised from its latest amount', () => {
    const first: PlanEvent = { type: 'BudgetLineRevised', data: { planId, projectId, lineId, previousSatang: 5_000_000, amountSatang: 4_500_000, reason: 'r' } };
    spec.given([...drafting, first]).when(reviseBudgetLine(0)).then([{ type: 'BudgetLineRevised', data: { planId, projectId, lineId, previousSatang: 4_500_000, amountSatang: 0, reason: 'ราคาวัสดุสูงขึ้น' } }]);
  });

  it('refuses a revision without a reason, even while drafting', () => {
    spec.given(drafting).when(reviseBudgetLine(4_000_000, { reason: '  ' })).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses a revision to the amount it already has', () => {
    spec.given(drafting).when(reviseBudgetLine(5_000_000)).thenRefuses(BudgetUnchanged, 'PLAN.BUDGET_UNCHANGED');
  });

  it('refuses a negative revised amount', () => {
    spec.given(drafting).when(reviseBudgetLine(-5)).thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
  });

  it('refuses to revise a line it does not have', () => {
    spec.given(drafting).when(reviseBudgetLine(1, { lineId: newLineId })).thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });

  it('is moved to another funding source', () => {
    spec.given(drafting).when(reassignBudgetLine('agency_own')).then([
      { type: 'BudgetLineReassigned', data: { planId, projectId, lineId, fundingSource: 'agency_own', previousFundingSource: 'provincial_budget' } },
    ]);
  });

  it('refuses a move to the source it already has', () => {
    spec.given(drafting).when(reassignBudgetLine('provincial_budget')).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses to move a line it does not have', () => {
    spec.given(drafting).when(reassignBudgetLine('agency_own', { lineId: newLineId })).thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });

  it('is withdrawn with a reason', () => {
    spec.given(drafting).when(withdrawBudgetLine()).then([{ type: 'BudgetLineWithdrawn', data: { planId, projectId, lineId, reason: 'อบจ. รับไปดำเนินการเอง' } }]);
  });

  it('refuses to withdraw a line without a reason', () => {
    spec.given(drafting).when(withdrawBudgetLine('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw a line it does not have', () => {
    spec.given(drafting).when(withdrawBudgetLine('x', undefined, newLineId)).thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });
});

describe("a project's first budget line", () => {
  it("has the project's id, and revising it revises the project's requested budget", () => {
    spec.given(drafting).when(reviseBudgetLine(14_000_000, { lineId: projectId })).then([
      { type: 'ProjectBudgetRevised', data: { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 14_000_000, reason: 'ราคาวัสดุสูงขึ้น' } },
    ]);
  });

  it('is the same budget ReviseProjectBudget revises', () => {
    const revised: PlanEvent = { type: 'ProjectBudgetRevised', data: { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 14_000_000, reason: 'r' } };
    spec.given([...drafting, revised]).when(reviseBudgetLine(14_000_000, { lineId: projectId })).thenRefuses(BudgetUnchanged, 'PLAN.BUDGET_UNCHANGED');
    spec
      .given([...drafting, revised])
      .when(command('ReviseProjectBudget', { projectId, requestedBudgetSatang: 13_000_000, reason: 'r2' }))
      .then([{ type: 'ProjectBudgetRevised', data: { planId, projectId, previousBudgetSatang: 14_000_000, requestedBudgetSatang: 13_000_000, reason: 'r2' } }]);
  });

  it('may be revised to zero', () => {
    spec.given(drafting).when(reviseBudgetLine(0, { lineId: projectId })).then([expect.objectContaining({ type: 'ProjectBudgetRevised' })] as PlanEvent[]);
  });

  it("moves the project's funding source with it", () => {
    const moved: PlanEvent = { type: 'BudgetLineReassigned', data: { planId, projectId, lineId: projectId, fundingSource: 'provincial_budget', previousFundingSource: 'anti_trafficking_fund' } };
    spec.given(drafting).when(reassignBudgetLine('provincial_budget', { lineId: projectId })).then([moved]);
    spec.given([...drafting, moved]).when(reassignBudgetLine('provincial_budget', { lineId: projectId })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('cannot be withdrawn: the project is withdrawn instead', () => {
    spec.given(drafting).when(withdrawBudgetLine('ไม่ใช้งบนี้', undefined, projectId)).thenRefuses(FirstBudgetLineKept, 'PLAN.FIRST_BUDGET_LINE_KEPT');
  });

  it('cannot be withdrawn after approval either', () => {
    spec.given(inForce).when(withdrawBudgetLine('ไม่ใช้งบนี้', undefined, projectId)).thenRefuses(FirstBudgetLineKept, 'PLAN.FIRST_BUDGET_LINE_KEPT');
  });
});

describe('a withdrawn budget line', () => {
  const given = [...drafting, lineWithdrawn];

  it('takes no more revisions, moves or withdrawals', () => {
    spec.given(given).when(reviseBudgetLine(1)).thenRefuses(ItemWithdrawn, 'PLAN.BUDGET_LINE_WITHDRAWN');
    spec.given(given).when(reassignBudgetLine('agency_own')).thenRefuses(ItemWithdrawn, 'PLAN.BUDGET_LINE_WITHDRAWN');
    spec.given(given).when(withdrawBudgetLine()).thenRefuses(ItemWithdrawn, 'PLAN.BUDGET_LINE_WITHDRAWN');
  });
  it('keeps its id: a new line cannot take it', () => {
    spec.given(given).when(addBudgetLine({ lineId })).thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
  });
});

/* ===== agency officers ===== */

/** Every change to project P1 (led by PSDHS-SK, with IMM-SK taking part), as a given officer would send it. */
const changesToTheProject = (by: Actor): [string, PlanCommand][] => [
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

describe('an agency officer, while the plan is drafted', () => {
  it.each(changesToTheProject(leadOfficer))('may %s of a project their agency leads', (_, cmd) => {
    spec.given(drafting).when(cmd).then([expect.objectContaining({ data: expect.objectContaining({ projectId }) })] as PlanEvent[]);
  });

  it.each(changesToTheProject(partnerOfficer))('may not %s of a project their agency only takes part in', (_, cmd) => {
    spec.given(drafting).when(cmd).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });

  it('is told that only the lead agency changes a project, not that it takes no part in it', () => {
    const [, cmd] = changesToTheProject(partnerOfficer)[0];
    let thrown: unknown;
    try {
      planDecider.decide(cmd, drafting.reduce(planDecider.evolve, planDecider.initialState));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotOwnAgencyProject);
    expect((thrown as NotOwnAgencyProject).text.en).toMatch(/^Only the lead agency of project .+ may change it/);
    expect((thrown as NotOwnAgencyProject).text.th).toMatch(/^เฉพาะหน่วยงานรับผิดชอบหลัก/);
  });

  it.each(changesToTheProject(otherOfficer))('may not %s of another agency\'s project', (_, cmd) => {
    spec.given(drafting).when(cmd).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });

  it('may hand their own project to another agency, and then no longer change it', () => {
    const handed: PlanEvent = {
      type: 'ProjectReassigned',
      data: { planId, projectId, leadAgencyCode: 'LAB-SK', participatingAgencyCodes: ['IMM-SK', 'PSDHS-SK'], previousLeadAgencyCode: 'PSDHS-SK', previousParticipatingAgencyCodes: ['IMM-SK'] },
    };
    spec.given(drafting).when(reassignProject({ leadAgencyCode: 'LAB-SK' }, { by: leadOfficer })).then([handed]);
    spec.given([...drafting, handed]).when(changeProject({ titleTh: 'ใหม่' }, { by: leadOfficer })).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
    spec.given([...drafting, handed]).when(changeProject({ titleTh: 'ใหม่' }, { by: { ...leadOfficer, agency: 'LAB-SK' } })).then([
      { type: 'ProjectChanged', data: { planId, projectId, changes: { titleTh: 'ใหม่' } } },
    ]);
  });
});

describe('an agency officer, once the plan is approved', () => {
  it.each(changesToTheProject(leadOfficer))('may not %s even of a project their agency leads: the secretariat amends', (_, cmd) => {
    spec.given(inForce).when(cmd).thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
  });

  it.each(changesToTheProject(otherOfficer))("is told first that they may not %s of another agency's project", (_, cmd) => {
    spec.given(inForce).when(cmd).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });

  it('may not add a project for their own agency', () => {
    spec.given(inForce).when(addProject({ reason: 'r' }, { by: leadOfficer })).thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
  });

  it('hears that amendments are the secretariat\'s, not that a reason is missing', () => {
    spec.given(inForce).when(changeProject({ titleTh: 'ใหม่' }, { by: leadOfficer })).thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
  });

  it('is refused on an amended plan too', () => {
    spec.given(amended).when(changeKpi({ target: 99, reason: 'r' }, { by: leadOfficer })).thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
  });
});

/* ===== submitted and closed plans ===== */

/** Every structure command, each with a reason, each one that would be taken while drafting. */
const everyStructureChange: [string, PlanCommand][] = [['add a project', addProject({ reason: 'r' })], ...changesToTheProject(coordinator)];

describe('a submitted plan', () => {
  it.each(everyStructureChange)('is locked: refuses to %s, even with a reason', (_, cmd) => {
    spec.given(inSubmission).when(cmd).thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });

  it('is locked for agency officers too, before their agency is asked about', () => {
    spec.given(inSubmission).when(changeProject({ titleTh: 'ใหม่' }, { by: otherOfficer })).thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });

  it('takes changes again once the chair returns it', () => {
    spec
      .given([...inSubmission, { type: 'PlanReturned', data: { planId, reason: 'เพิ่มตัวชี้วัด' } }])
      .when(addKpi())
      .then([expect.objectContaining({ type: 'KpiAdded' })] as PlanEvent[]);
  });
});

describe('a closed plan', () => {
  it.each(everyStructureChange)('refuses to %s, even with a reason', (_, cmd) => {
    spec.given(closedPlan).when(cmd).thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });
});

/* ===== amendments ===== */

describe('an approved plan', () => {
  it.each(everyStructureChange)('takes the change to %s with a reason as an amendment: edition 2', (_, cmd) => {
    const events = planDecider.decide(cmd, inForce.reduce(planDecider.evolve, planDecider.initialState));
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual(amendment(2, 'r'));
  });

  it('records the change itself, then the amendment with the trimmed reason', () => {
    spec.given(inForce).when(changeProject({ titleTh: 'ใหม่', reason: '  มติที่ประชุมครั้งที่ 2/2562 ' })).then([
      { type: 'ProjectChanged', data: { planId, projectId, changes: { titleTh: 'ใหม่' } } },
      amendment(2, 'มติที่ประชุมครั้งที่ 2/2562'),
    ]);
  });

  it('refuses to add a project without a reason', () => {
    spec.given(inForce).when(addProject()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to change a project without a reason', () => {
    spec.given(inForce).when(changeProject({ titleTh: 'ใหม่' })).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to reassign a project without a reason', () => {
    spec.given(inForce).when(reassignProject({ leadAgencyCode: 'LAB-SK', reason: '  ' })).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw a project without a reason', () => {
    spec.given(inForce).when(withdrawProject(' ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to add an activity without a reason', () => {
    spec.given(inForce).when(addActivity()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to change an activity without a reason', () => {
    spec.given(inForce).when(changeActivity({ endDate: '2019-01-20' })).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to reassign an activity without a reason', () => {
    spec.given(inForce).when(reassignActivity('IMM-SK')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw an activity without a reason', () => {
    spec.given(inForce).when(withdrawActivity('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to add a KPI without a reason', () => {
    spec.given(inForce).when(addKpi()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to change a KPI without a reason', () => {
    spec.given(inForce).when(changeKpi({ target: 70 })).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw a KPI without a reason', () => {
    spec.given(inForce).when(withdrawKpi('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to add a budget line without a reason', () => {
    spec.given(inForce).when(addBudgetLine()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to revise a budget line without a reason', () => {
    spec.given(inForce).when(reviseBudgetLine(1, { reason: '' })).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to reassign a budget line without a reason', () => {
    spec.given(inForce).when(reassignBudgetLine('agency_own')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw a budget line without a reason', () => {
    spec.given(inForce).when(withdrawBudgetLine(' ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses an amendment that changes nothing, reason or not', () => {
    spec.given(inForce).when(changeKpi({ target: 50, reason: 'r' })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it("records a revision of a project's first budget line as a project budget revision, then the amendment", () => {
    spec.given(inForce).when(reviseBudgetLine(16_000_000, { lineId: projectId, reason: 'เพิ่มผู้เข้าร่วม' })).then([
      { type: 'ProjectBudgetRevised', data: { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 16_000_000, reason: 'เพิ่มผู้เข้าร่วม' } },
      amendment(2, 'เพิ่มผู้เข้าร่วม'),
    ]);
  });

  it('still refuses a reassignment to an unknown or deactivated agency', () => {
    spec.given(inForce).when(reassignProject({ leadAgencyCode: 'NGO-XX', reason: 'r' })).thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec.given(inForce).when(reassignProject({ leadAgencyCode: 'SHELTER-SK', reason: 'r' })).thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });
});

describe('an amended plan', () => {
  it('makes its next change edition 3', () => {
    spec.given(amended).when(withdrawActivity('ยกเลิก')).then([activityWithdrawn, amendment(3, 'ยกเลิก')]);
  });

  it('counts every change after that as the next edition', () => {
    spec.given([...amended, amendment(3, 'x'), amendment(4, 'y')]).when(addKpi({ reason: 'เพิ่มตัวชี้วัด' })).then([
      expect.objectContaining({ type: 'KpiAdded' }) as PlanEvent,
      amendment(5, 'เพิ่มตัวชี้วัด'),
    ]);
  });

  it('approved again at the edition it reached, makes its next change the edition after', () => {
    const reapproved: PlanEvent = { type: 'PlanApproved', data: { planId, edition: 2, meetingReference: 'ครั้งที่ 2/2562', meetingDate: '2019-06-01' } };
    spec.given([...amended, reapproved]).when(reassignBudgetLine('agency_own', { reason: 'ย้ายแหล่งงบ' })).then([
      { type: 'BudgetLineReassigned', data: { planId, projectId, lineId, fundingSource: 'agency_own', previousFundingSource: 'provincial_budget' } },
      amendment(3, 'ย้ายแหล่งงบ'),
    ]);
  });

  it('refuses a change without a reason', () => {
    spec.given(amended).when(changeActivity({ titleTh: 'ใหม่' })).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
});

describe('a project whose partner runs one of its activities', () => {
  const handed: PlanEvent = { type: 'ActivityReassigned', data: { planId, projectId, activityId, responsibleAgencyCode: 'IMM-SK', previousAgencyCode: 'PSDHS-SK' } };

  it('keeps the partner until its activities are handed on', () => {
    spec.given([...drafting, handed]).when(reassignProject({ participatingAgencyCodes: [] })).thenRefuses(AgencyStillResponsible, 'PLAN.AGENCY_STILL_RESPONSIBLE');
  });

  it('lets the partner go once its activity is withdrawn', () => {
    spec
      .given([...drafting, handed, activityWithdrawn])
      .when(reassignProject({ participatingAgencyCodes: [] }))
      .then([{ type: 'ProjectReassigned', data: { planId, projectId, leadAgencyCode: 'PSDHS-SK', participatingAgencyCodes: [], previousLeadAgencyCode: 'PSDHS-SK', previousParticipatingAgencyCodes: ['IMM-SK'] } }]);
  });

  it('takes districts in any order as the same set', () => {
    spec.given(drafting).when(changeProject({ districtCodes: ['2703', '2706'] })).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });
});
