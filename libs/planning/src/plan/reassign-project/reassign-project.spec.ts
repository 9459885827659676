import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../../agency/agency.errors';
import { ProjectNotFound } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import { AgencyStillResponsible, NothingChanged } from '../plan-structure.errors';
import {
  planId,
  projectId,
  newProjectId,
  without,
  deactivated,
  reassignProject,
  drafting,
  activityAdded,
  activityWithdrawn,
} from '../plan.fixtures';
import { withData } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a project in a drafting plan', () => {
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

  it('is handed to a new lead with the same agencies taking part (the former lead, running nothing, leaves)', () => {
    spec
      .given([...drafting, activityWithdrawn])
      .when(reassignProject({ leadAgencyCode: 'LAB-SK', participatingAgencyCodes: ['IMM-SK'] }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ leadAgencyCode: 'LAB-SK', participatingAgencyCodes: ['IMM-SK'] }),
        }),
      ] as PlanEvent[]);
  });

  it('keeps the former lead on as a participant without asking the directory again', () => {
    spec
      .given(drafting)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK' }, { agencies: without('PSDHS-SK') }))
      .then([expect.objectContaining({ type: 'ProjectReassigned' })] as PlanEvent[]);
  });

  it('lets an agency go whose only activity in the project was withdrawn, but not one still running one', () => {
    const byImmigration = withData(activityAdded, { responsibleAgencyCode: 'IMM-SK' });
    spec
      .given([...drafting.filter((e) => e !== activityAdded), byImmigration])
      .when(reassignProject({ participatingAgencyCodes: [] }))
      .thenRefuses(AgencyStillResponsible, 'PLAN.AGENCY_STILL_RESPONSIBLE');
    spec
      .given([...drafting.filter((e) => e !== activityAdded), byImmigration, activityWithdrawn])
      .when(reassignProject({ participatingAgencyCodes: [] }))
      .then([
        expect.objectContaining({ data: expect.objectContaining({ participatingAgencyCodes: [] }) }),
      ] as PlanEvent[]);
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
});
