import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../agency/agency.errors';
import { DistrictNotInProvince, ProjectNotFound, ReasonRequired } from './plan.errors';
import type { PlanEvent } from './plan.events';
import {
  AgencyNotInProject,
  ItemAlreadyExists,
  ItemNotFound,
  ItemWithdrawn,
  NothingChanged,
  ParticipantCountsInvalid,
  ScheduleInvalid,
  TextRequired,
} from './plan-structure.errors';
import {
  planId,
  projectId,
  newProjectId,
  activityId,
  newActivityId,
  without,
  deactivated,
  addActivity,
  changeActivity,
  reassignActivity,
  withdrawActivity,
  activityWithdrawn,
  drafting,
} from './plan.fixtures';
import { planDecider } from './plan.decider';

/*
 * The structure of a provincial plan: projects, their activities, KPIs and budget lines, each added,
 * changed, reassigned and withdrawn by command. While the plan is drafted changes are just made; a
 * submitted or closed plan takes none; an approved plan takes each as an amendment with a reason.
 */

const spec = deciderSpec(planDecider);

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

describe('an activity in a drafting plan', () => {
  it('is changed, recording only the fields that differ', () => {
    spec
      .given(drafting)
      .when(
        changeActivity({
          titleTh: 'อบรมแกนนำเยาวชน',
          districtCode: '2702',
          endDate: '2019-01-13',
          targets: { children: 40, women: 10, at_risk_youth: 5 },
        }),
      )
      .then([
        {
          type: 'ActivityChanged',
          data: {
            planId,
            projectId,
            activityId,
            changes: {
              districtCode: '2702',
              endDate: '2019-01-13',
              targets: { children: 40, women: 10, at_risk_youth: 5 },
            },
          },
        },
      ]);
  });

  it('is moved within the fiscal year by both its dates', () => {
    spec
      .given(drafting)
      .when(changeActivity({ startDate: '2019-08-01', endDate: '2019-08-03' }))
      .then([
        {
          type: 'ActivityChanged',
          data: { planId, projectId, activityId, changes: { startDate: '2019-08-01', endDate: '2019-08-03' } },
        },
      ]);
  });

  it('refuses a new start after the end it keeps', () => {
    spec
      .given(drafting)
      .when(changeActivity({ startDate: '2019-01-13' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a new end past the fiscal year', () => {
    spec
      .given(drafting)
      .when(changeActivity({ endDate: '2019-12-31' }))
      .thenRefuses(ScheduleInvalid, 'PLAN.SCHEDULE_INVALID');
  });

  it('refuses a district of another province', () => {
    spec
      .given(drafting)
      .when(changeActivity({ districtCode: '1001' }))
      .thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses targets with an unknown group or a negative count', () => {
    spec
      .given(drafting)
      .when(changeActivity({ targets: { monks: 3 } as never }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
    spec
      .given(drafting)
      .when(changeActivity({ targets: { women: -10 } }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses a blank Thai title', () => {
    spec
      .given(drafting)
      .when(changeActivity({ titleTh: '  ' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a change that changes nothing', () => {
    spec
      .given(drafting)
      .when(
        changeActivity({ titleTh: 'อบรมแกนนำเยาวชน', startDate: '2019-01-10', targets: { children: 40, women: 10 } }),
      )
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change of targets that only lists the same counts in another order', () => {
    spec
      .given(drafting)
      .when(changeActivity({ targets: { women: 10, children: 40 } }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change to an activity it does not have', () => {
    spec
      .given(drafting)
      .when(changeActivity({ activityId: newActivityId, titleTh: 'x' }))
      .thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });

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

  it('is withdrawn with a reason', () => {
    spec
      .given(drafting)
      .when(withdrawActivity(' ยกเลิกเพราะน้ำท่วม '))
      .then([{ type: 'ActivityWithdrawn', data: { planId, projectId, activityId, reason: 'ยกเลิกเพราะน้ำท่วม' } }]);
  });

  it('refuses to withdraw an activity without a reason', () => {
    spec.given(drafting).when(withdrawActivity('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw an activity it does not have', () => {
    spec
      .given(drafting)
      .when(withdrawActivity('x', undefined, newActivityId))
      .thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });
});

describe('a withdrawn activity', () => {
  const given = [...drafting, activityWithdrawn];

  it('takes no more changes, reassignments or withdrawals', () => {
    spec
      .given(given)
      .when(changeActivity({ titleTh: 'ใหม่' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
    spec.given(given).when(reassignActivity('IMM-SK')).thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
    spec.given(given).when(withdrawActivity()).thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
  });
});
