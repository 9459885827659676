import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../../agency/agency.errors';
import { DistrictNotInProvince, ProjectNotFound } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import {
  AgencyNotInProject,
  ItemAlreadyExists,
  ParticipantCountsInvalid,
  ScheduleInvalid,
  TextRequired,
} from '../plan-structure.errors';
import {
  planId,
  projectId,
  newProjectId,
  activityId,
  newActivityId,
  without,
  deactivated,
  addActivity,
  activityWithdrawn,
  drafting,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

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

  it('is run by the lead agency when no one else is named, even one the directory no longer lists (it was checked when it took the project)', () => {
    spec
      .given(drafting)
      .when(addActivity({}, { agencies: without('PSDHS-SK') }))
      .then([
        expect.objectContaining({ data: expect.objectContaining({ responsibleAgencyCode: 'PSDHS-SK' }) }),
      ] as PlanEvent[]);
  });

  it('may be run by an agency taking part in the project', () => {
    spec
      .given(drafting)
      .when(addActivity({ responsibleAgencyCode: 'IMM-SK' }))
      .then([
        expect.objectContaining({ data: expect.objectContaining({ responsibleAgencyCode: 'IMM-SK' }) }),
      ] as PlanEvent[]);
  });

  it('refuses an agency that neither leads nor takes part in the project', () => {
    spec
      .given(drafting)
      .when(addActivity({ responsibleAgencyCode: 'POL-SK' }))
      .thenRefuses(AgencyNotInProject, 'PLAN.AGENCY_NOT_IN_PROJECT');
  });

  it('refuses a responsible agency that is no longer in the directory or was deactivated', () => {
    spec
      .given(drafting)
      .when(addActivity({ responsibleAgencyCode: 'IMM-SK' }, { agencies: without('IMM-SK') }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec
      .given(drafting)
      .when(addActivity({ responsibleAgencyCode: 'IMM-SK' }, { agencies: deactivated('IMM-SK') }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });

  it('is scheduled anywhere from the first to the last day of the fiscal year', () => {
    spec
      .given(drafting)
      .when(addActivity({ startDate: '2018-10-01', endDate: '2019-09-30' }))
      .then([expect.objectContaining({ type: 'ActivityAdded' })] as PlanEvent[]);
  });

  it('takes an activity of a single day, ending the day it starts', () => {
    spec
      .given(drafting)
      .when(addActivity({ startDate: '2019-06-01', endDate: '2019-06-01' }))
      .then([
        expect.objectContaining({ data: expect.objectContaining({ startDate: '2019-06-01', endDate: '2019-06-01' }) }),
      ] as PlanEvent[]);
  });

  it('refuses an activity that ends before it starts', () => {
    spec
      .given(drafting)
      .when(addActivity({ startDate: '2019-06-02', endDate: '2019-06-01' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a schedule that starts before the fiscal year', () => {
    spec
      .given(drafting)
      .when(addActivity({ startDate: '2018-09-30' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a schedule that ends after the fiscal year', () => {
    spec
      .given(drafting)
      .when(addActivity({ endDate: '2019-10-01' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a schedule that ends before it starts', () => {
    spec
      .given(drafting)
      .when(addActivity({ startDate: '2019-06-02', endDate: '2019-06-01' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a date that is not on the calendar', () => {
    spec
      .given(drafting)
      .when(addActivity({ startDate: '2019-02-29', endDate: '2019-03-01' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
    spec
      .given(drafting)
      .when(addActivity({ startDate: '1/6/2019' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
    // A month or a year alone is not a day, though the calendar would read it as its first.
    for (const startDate of ['2019-06', '2019'])
      spec.given(drafting).when(addActivity({ startDate })).thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a district of another province', () => {
    spec
      .given(drafting)
      .when(addActivity({ districtCode: '1001' }))
      .thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses targets for an unknown target group', () => {
    spec
      .given(drafting)
      .when(addActivity({ targets: { tourists: 5 } as never }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses a negative or fractional target', () => {
    spec
      .given(drafting)
      .when(addActivity({ targets: { children: -1 } }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
    spec
      .given(drafting)
      .when(addActivity({ targets: { children: 2.5 } }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses an activity without a Thai title', () => {
    spec
      .given(drafting)
      .when(addActivity({ titleTh: '' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses an activity id already in the plan, even one withdrawn', () => {
    spec
      .given(drafting)
      .when(addActivity({ activityId }))
      .thenRefuses(ItemAlreadyExists, 'PLAN.ACTIVITY_ALREADY_EXISTS');
    spec
      .given([...drafting, activityWithdrawn])
      .when(addActivity({ activityId }))
      .thenRefuses(ItemAlreadyExists, 'PLAN.ACTIVITY_ALREADY_EXISTS');
  });

  it('refuses an activity for a project the plan does not have', () => {
    spec
      .given(drafting)
      .when(addActivity({ projectId: newProjectId }))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });
});
