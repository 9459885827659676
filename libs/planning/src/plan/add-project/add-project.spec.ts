import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../../agency/agency.errors';
import { ProjectAlreadyExists } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import { NotOwnAgencyProject, TextRequired } from '../plan-structure.errors';
import {
  planId,
  projectId,
  newProjectId,
  lineId,
  leadOfficer,
  without,
  addProject,
  projectWithdrawn,
  drafting,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

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

  it('keeps its Thai title without its surrounding spaces, and takes an English title of spaces alone as none', () => {
    spec
      .given(drafting)
      .when(addProject({ titleTh: '  คุ้มครองแรงงานประมง ', titleEn: '   ' }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ titleTh: 'คุ้มครองแรงงานประมง', titleEn: null }),
        }),
      ] as PlanEvent[]);
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
    spec
      .given(drafting)
      .when(addProject({ titleTh: undefined }))
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
