import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../../agency/agency.errors';
import type { PlanEvent } from '../plan.events';
import { AgencyNotInProject, ItemNotFound, NothingChanged } from '../plan-structure.errors';
import {
  planId,
  projectId,
  activityId,
  newActivityId,
  without,
  deactivated,
  reassignActivity,
  drafting,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('an activity in a drafting plan', () => {
  it('is handed to an agency taking part in the project, and back to the lead', () => {
    const handed: PlanEvent = {
      type: 'ActivityReassigned',
      data: { planId, projectId, activityId, responsibleAgencyCode: 'IMM-SK', previousAgencyCode: 'PSDHS-SK' },
    };
    spec.given(drafting).when(reassignActivity('IMM-SK')).then([handed]);
    spec
      .given([...drafting, handed])
      .when(reassignActivity('PSDHS-SK'))
      .then([
        {
          type: 'ActivityReassigned',
          data: { planId, projectId, activityId, responsibleAgencyCode: 'PSDHS-SK', previousAgencyCode: 'IMM-SK' },
        },
      ]);
  });

  it('refuses to hand an activity to an agency outside the project', () => {
    spec.given(drafting).when(reassignActivity('POL-SK')).thenRefuses(AgencyNotInProject, 'PLAN.AGENCY_NOT_IN_PROJECT');
  });

  it('refuses to hand an activity to a project agency no longer in the directory, or deactivated', () => {
    spec
      .given(drafting)
      .when(reassignActivity('IMM-SK', {}, { agencies: without('IMM-SK') }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec
      .given(drafting)
      .when(reassignActivity('IMM-SK', {}, { agencies: deactivated('IMM-SK') }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('refuses to hand an activity to the agency already running it', () => {
    spec.given(drafting).when(reassignActivity('PSDHS-SK')).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses to reassign an activity it does not have', () => {
    spec
      .given(drafting)
      .when(reassignActivity('IMM-SK', { activityId: newActivityId }))
      .thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });
});
