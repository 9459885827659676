import { deciderSpec } from '@ruamjai/testing';
import { DistrictNotInProvince } from '../plan.errors';
import {
  ItemNotFound,
  NothingChanged,
  ParticipantCountsInvalid,
  ScheduleInvalid,
  TextRequired,
} from '../plan-structure.errors';
import type { PlanEvent } from '../plan.events';
import { planId, projectId, activityId, newActivityId, changeActivity, drafting } from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

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

  it('gains an English title without its surrounding spaces, and loses it to a blank one', () => {
    const named: PlanEvent = {
      type: 'ActivityChanged',
      data: { planId, projectId, activityId, changes: { titleEn: 'Youth leaders training' } },
    };
    spec
      .given(drafting)
      .when(changeActivity({ titleEn: '  Youth leaders training ' }))
      .then([named]);
    spec
      .given([...drafting, named])
      .when(changeActivity({ titleEn: ' ' }))
      .then([{ type: 'ActivityChanged', data: { planId, projectId, activityId, changes: { titleEn: null } } }]);
  });

  it('keeps its English title when a change leaves it out', () => {
    const named: PlanEvent = {
      type: 'ActivityChanged',
      data: { planId, projectId, activityId, changes: { titleEn: 'Youth leaders training' } },
    };
    spec
      .given([...drafting, named])
      .when(changeActivity({ districtCode: '2702' }))
      .then([{ type: 'ActivityChanged', data: { planId, projectId, activityId, changes: { districtCode: '2702' } } }]);
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
});
