import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../agency/agency.errors';
import { DistrictNotInProvince, ProjectAlreadyExists, ProjectNotFound, ReasonRequired } from './plan.errors';
import type { PlanEvent, ProjectAdded } from './plan.events';
import { ItemWithdrawn, NotOwnAgencyProject, NothingChanged, TextRequired } from './plan-structure.errors';
import {
  planId,
  projectId,
  otherProjectId,
  newProjectId,
  lineId,
  leadOfficer,
  without,
  deactivated,
  addProject,
  changeProject,
  reassignProject,
  withdrawProject,
  addActivity,
  changeActivity,
  addKpi,
  withdrawKpi,
  addBudgetLine,
  reviseBudgetLine,
  drafted,
  projectWithdrawn,
  drafting,
} from './plan.fixtures';
import { planDecider } from './plan.decider';

/*
 * The structure of a provincial plan: projects, their activities, KPIs and budget lines, each added,
 * changed, reassigned and withdrawn by command. While the plan is drafted changes are just made; a
 * submitted or closed plan takes none; an approved plan takes each as an amendment with a reason.
 */

const spec = deciderSpec(planDecider);

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
    spec
      .given(drafting)
      .when(addProject({ participatingAgencyCodes: ['LAB-SK'] }, { agencies: without('LAB-SK') }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });

  it('refuses a participating agency that was deactivated', () => {
    spec
      .given(drafting)
      .when(addProject({ participatingAgencyCodes: ['SHELTER-SK'] }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses a project without a Thai title', () => {
    spec
      .given(drafting)
      .when(addProject({ titleTh: '   ' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a project id already taken by a budget line', () => {
    spec
      .given(drafting)
      .when(addProject({ projectId: lineId }))
      .thenRefuses(ProjectAlreadyExists, 'PLAN.PROJECT_ALREADY_EXISTS');
  });

  it('refuses a project id already taken by a withdrawn project', () => {
    spec
      .given([...drafting, projectWithdrawn])
      .when(addProject({ projectId }))
      .thenRefuses(ProjectAlreadyExists, 'PLAN.PROJECT_ALREADY_EXISTS');
  });

  it('is proposed by an agency officer for a project their own agency leads', () => {
    spec
      .given(drafting)
      .when(addProject({}, { by: leadOfficer }))
      .then([expect.objectContaining({ type: 'ProjectAdded' })] as PlanEvent[]);
  });

  it('refuses an agency officer proposing a project another agency would lead', () => {
    spec
      .given(drafting)
      .when(addProject({ leadAgencyCode: 'POL-SK' }, { by: leadOfficer }))
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });
});

describe('a project in a drafting plan', () => {
  it('is changed, recording only the fields that differ, with their new values', () => {
    spec
      .given(drafting)
      .when(
        changeProject({
          titleTh: '  ประชารัฐร่วมใจ ป้องกันการค้ามนุษย์ ',
          strategy: 'prevention',
          districtCodes: ['2706', '2703'],
          objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'],
        }),
      )
      .then([
        {
          type: 'ProjectChanged',
          data: {
            planId,
            projectId,
            changes: { titleTh: 'ประชารัฐร่วมใจ ป้องกันการค้ามนุษย์', objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'] },
          },
        },
      ]);
  });

  it('changes its strategy, districts and target groups, each recorded once', () => {
    spec
      .given(drafting)
      .when(
        changeProject({
          strategy: 'partnership',
          districtCodes: ['2701', '2701', '2709'],
          targetGroups: ['families', 'families'],
        }),
      )
      .then([
        {
          type: 'ProjectChanged',
          data: {
            planId,
            projectId,
            changes: { strategy: 'partnership', districtCodes: ['2701', '2709'], targetGroups: ['families'] },
          },
        },
      ]);
  });

  it('gains an English title, and loses it to a blank one', () => {
    const named: PlanEvent = {
      type: 'ProjectChanged',
      data: { planId, projectId, changes: { titleEn: 'Border communities' } },
    };
    spec
      .given(drafting)
      .when(changeProject({ titleEn: ' Border communities ' }))
      .then([named]);
    spec
      .given([...drafting, named])
      .when(changeProject({ titleEn: '  ' }))
      .then([{ type: 'ProjectChanged', data: { planId, projectId, changes: { titleEn: null } } }]);
  });

  it('refuses a blank Thai title', () => {
    spec
      .given(drafting)
      .when(changeProject({ titleTh: ' ' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a district of another province', () => {
    spec
      .given(drafting)
      .when(changeProject({ districtCodes: ['2706', '1001'] }))
      .thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses a change that changes nothing', () => {
    spec
      .given(drafting)
      .when(
        changeProject({
          titleTh: ' ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ ',
          strategy: 'prevention',
          targetGroups: ['children', 'women'],
        }),
      )
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change that names no field at all', () => {
    spec.given(drafting).when(changeProject({})).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change to a project it does not have', () => {
    spec
      .given(drafting)
      .when(changeProject({ projectId: newProjectId, titleTh: 'x' }))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('classifies a project recorded before strategies were kept', () => {
    // The first ProjectAdded events had no strategy, participants, target groups or objectives.
    const legacy = {
      type: 'ProjectAdded',
      data: {
        planId,
        projectId: newProjectId,
        titleTh: 'โครงการเดิม',
        titleEn: null,
        leadAgencyCode: 'PSDHS-SK',
        districtCodes: ['2706'],
        requestedBudgetSatang: 100,
        fundingSource: 'provincial_budget',
      },
    } as unknown as ProjectAdded;
    spec
      .given([drafted, legacy])
      .when(changeProject({ projectId: newProjectId, strategy: 'protection' }))
      .then([
        { type: 'ProjectChanged', data: { planId, projectId: newProjectId, changes: { strategy: 'protection' } } },
      ]);
    spec
      .given([drafted, legacy])
      .when(changeProject({ projectId: newProjectId, targetGroups: [], objectives: [] }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('is handed to another lead agency; the former lead stays on as a participant', () => {
    spec
      .given(drafting)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK' }))
      .then([
        {
          type: 'ProjectReassigned',
          data: {
            planId,
            projectId,
            leadAgencyCode: 'LAB-SK',
            participatingAgencyCodes: ['IMM-SK', 'PSDHS-SK'],
            previousLeadAgencyCode: 'PSDHS-SK',
            previousParticipatingAgencyCodes: ['IMM-SK'],
          },
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
          data: {
            planId,
            projectId,
            leadAgencyCode: 'IMM-SK',
            participatingAgencyCodes: ['PSDHS-SK'],
            previousLeadAgencyCode: 'PSDHS-SK',
            previousParticipatingAgencyCodes: ['IMM-SK'],
          },
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
          data: {
            planId,
            projectId,
            leadAgencyCode: 'PSDHS-SK',
            participatingAgencyCodes: ['LAB-SK', 'POL-SK'],
            previousLeadAgencyCode: 'PSDHS-SK',
            previousParticipatingAgencyCodes: ['IMM-SK'],
          },
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
    spec
      .given(drafting)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK' }, { agencies: without('LAB-SK') }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });

  it('refuses to hand a project to an agency that was deactivated', () => {
    spec
      .given(drafting)
      .when(reassignProject({ leadAgencyCode: 'SHELTER-SK' }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses a new participating agency that is unknown or deactivated', () => {
    spec
      .given(drafting)
      .when(reassignProject({ participatingAgencyCodes: ['IMM-SK', 'NGO-XX'] }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec
      .given(drafting)
      .when(reassignProject({ participatingAgencyCodes: ['IMM-SK', 'LAB-SK'] }, { agencies: deactivated('LAB-SK') }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses a reassignment to the same lead and the same participants', () => {
    spec.given(drafting).when(reassignProject({})).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
    spec
      .given(drafting)
      .when(reassignProject({ participatingAgencyCodes: ['IMM-SK', 'PSDHS-SK'] }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses to reassign a project it does not have', () => {
    spec
      .given(drafting)
      .when(reassignProject({ projectId: newProjectId, leadAgencyCode: 'LAB-SK' }))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('is withdrawn with a reason, kept in the record', () => {
    spec
      .given(drafting)
      .when(withdrawProject('  โอนไปแผนปีหน้า '))
      .then([{ type: 'ProjectWithdrawn', data: { planId, projectId, reason: 'โอนไปแผนปีหน้า' } }]);
  });

  it('refuses to withdraw a project without a reason', () => {
    spec.given(drafting).when(withdrawProject('  ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw a project it does not have', () => {
    spec
      .given(drafting)
      .when(withdrawProject('x', undefined, newProjectId))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });
});

describe('a withdrawn project', () => {
  const given = [...drafting, projectWithdrawn];

  it('cannot be withdrawn again', () => {
    spec.given(given).when(withdrawProject()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no more changes or reassignments', () => {
    spec
      .given(given)
      .when(changeProject({ titleTh: 'ใหม่' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec
      .given(given)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no new activities, KPIs or budget lines', () => {
    spec.given(given).when(addActivity()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(addKpi()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(addBudgetLine()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no changes to the activities, KPIs and budget lines it had', () => {
    spec
      .given(given)
      .when(changeActivity({ titleTh: 'ใหม่' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(withdrawKpi()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(reviseBudgetLine(1)).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('leaves the other projects of the plan open to change', () => {
    spec
      .given(given)
      .when(changeProject({ projectId: otherProjectId, titleTh: 'ปราบปราม' }))
      .then([
        { type: 'ProjectChanged', data: { planId, projectId: otherProjectId, changes: { titleTh: 'ปราบปราม' } } },
      ]);
  });
});
