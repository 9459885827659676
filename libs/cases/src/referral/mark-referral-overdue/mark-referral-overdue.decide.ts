import { NotYetOverdue } from '../referral.errors';
import type { ReferralEvent } from '../referral.events';
import { mustExist } from '../referral.guards';
import type { ReferralState } from '../referral.state';
import type { MarkReferralOverdue } from './mark-referral-overdue.command';

export function decideMarkReferralOverdue(command: MarkReferralOverdue, state: ReferralState): ReferralEvent[] {
  const { referralId } = command.data;
  const r = mustExist(state, referralId);
  if (r.status !== 'sent') throw new NotYetOverdue(referralId, 'acknowledged');
  if (r.overdue) throw new NotYetOverdue(referralId, 'already_marked');
  if (command.at.getTime() < Date.parse(r.dueAt)) throw new NotYetOverdue(referralId, 'not_due');
  return [
    {
      type: 'ReferralOverdue',
      data: { referralId, caseId: r.caseId, toAgency: r.toAgency, dueAt: r.dueAt, urgency: r.urgency },
    },
    {
      type: 'ReferralEscalated',
      data: { referralId, caseId: r.caseId, toRole: 'coordinator', reason: 'not_acknowledged_by_due_time' },
    },
  ];
}
