import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { IllegalTransition, MeetingReferenceInvalid } from '../plan.errors';
import { planId, drafted, added, submitted, approved, amended, approve } from '../plan-lifecycle.fixtures';

const spec = deciderSpec(planDecider);

describe('a drafting plan', () => {
  it('cannot be approved before it is submitted', () => {
    spec.given([drafted, added]).when(approve()).thenRefuses(IllegalTransition, 'PLAN.ILLEGAL_TRANSITION');
  });
});

describe('a submitted plan', () => {
  it('is approved by the subcommittee as edition 1, naming the meeting', () => {
    spec.given([drafted, added, submitted]).when(approve()).then([approved]);
  });
  it('refuses a meeting reference not in the form ครั้งที่ N/ปี', () => {
    spec
      .given([drafted, added, submitted])
      .when(approve('meeting one'))
      .thenRefuses(MeetingReferenceInvalid, 'PLAN.MEETING_REFERENCE_INVALID');
  });
  it('takes a meeting reference with spaces around it, and keeps it without them', () => {
    spec.given([drafted, added, submitted]).when(approve('  ครั้งที่ 1/2562 ')).then([approved]);
  });
  it('takes a meeting number of up to three digits, with or without a space before it', () => {
    for (const meetingReference of ['ครั้งที่1/2562', 'ครั้งที่ 12/2562', 'ครั้งที่ 123/2562']) {
      spec
        .given([drafted, added, submitted])
        .when(approve(meetingReference))
        .then([{ ...approved, data: { ...approved.data, meetingReference } } as typeof approved]);
    }
  });
  it('refuses a meeting reference with more before or after it, a longer number, or a short year', () => {
    for (const reference of [
      'การประชุมครั้งที่ 1/2562',
      'ครั้งที่ 1/2562 วาระพิเศษ',
      'ครั้งที่ 1234/2562',
      'ครั้งที่ 1/62',
      'ครั้งที่ /2562',
    ]) {
      spec.given([drafted, added, submitted]).when(approve(reference)).thenRefuses(MeetingReferenceInvalid);
    }
  });
});

describe('an approved plan', () => {
  it('cannot be approved again until it is amended', () => {
    spec.given([drafted, added, submitted, approved]).when(approve('ครั้งที่ 2/2562')).thenRefuses(IllegalTransition);
  });
});

describe('an amended plan', () => {
  it('is approved at the edition it reached', () => {
    spec
      .given([drafted, added, submitted, approved, amended])
      .when(approve('ครั้งที่ 3/2562'))
      .then([
        {
          type: 'PlanApproved',
          data: { planId, edition: 2, meetingReference: 'ครั้งที่ 3/2562', meetingDate: '2019-03-15' },
        },
      ]);
  });
});
