import { existingPlan } from '../guards';
import { IllegalTransition, MeetingReferenceInvalid } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ApprovePlan } from './approve-plan.command';

const MEETING = /^ครั้งที่\s*\d{1,3}\/\d{4}$/;

export function decideApprovePlan({ type, data }: ApprovePlan, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  // A submitted plan becomes edition 1; an amended one is approved at the edition it has reached.
  if (plan.status !== 'submitted' && plan.status !== 'amended') throw new IllegalTransition(plan.status, type);
  const reference = data.meetingReference.trim();
  if (!MEETING.test(reference)) throw new MeetingReferenceInvalid(data.meetingReference);
  const edition = plan.status === 'submitted' ? 1 : plan.edition;
  return [
    {
      type: 'PlanApproved',
      data: { planId: plan.planId, edition, meetingReference: reference, meetingDate: data.meetingDate },
    },
  ];
}
