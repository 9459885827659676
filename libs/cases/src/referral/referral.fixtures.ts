/* What the referral specs share: actors, times and the events that make up a history. */
import type { Actor } from '@ruamjai/kernel';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralFacts } from './send-referral/send-referral.command';

export const sender: Actor = { id: 'malee.s', agency: 'PSDHS-SK', role: 'agency_officer', province: 'TH-27' };
export const recipient: Actor = { id: 'nurse.a', agency: 'HEALTH-SK', role: 'agency_officer', province: 'TH-27' };
export const other: Actor = { id: 'x', agency: 'POL-SK', role: 'agency_officer', province: 'TH-27' };
export const coordinator: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
export const system: Actor = {
  id: 'system:referral-scheduler',
  agency: 'RUAMJAI',
  role: 'coordinator',
  province: 'TH-27',
};
export const at = new Date('2019-05-02T03:00:00Z');
export const due = '2019-05-03T03:00:00.000Z';
export const referralId = 'r-1';
export const facts: ReferralFacts = {
  case: {
    exists: true,
    open: true,
    owningAgency: 'PSDHS-SK',
    province: 'TH-27',
    consent: true,
    legalBasis: null,
    erased: false,
  },
  recipient: 'active',
};
export const send = (
  data: object = {},
  f: Partial<ReferralFacts['case']> = {},
  recipientState: ReferralFacts['recipient'] = 'active',
  actor = sender,
) =>
  ({
    type: 'SendReferral',
    data: {
      referralId,
      caseId: 'c-1',
      toAgency: 'HEALTH-SK',
      service: 'medical',
      urgency: 'urgent',
      dueAt: due,
      sharesPersonalData: true,
      ...data,
    },
    facts: { case: { ...facts.case, ...f }, recipient: recipientState },
    actor,
    at,
  }) as ReferralCommand;
export const cmd = (type: ReferralCommand['type'], actor: Actor, data: object = {}, when = at) =>
  ({ type, data: { referralId, ...data }, actor, at: when }) as ReferralCommand;

export const sent = {
  type: 'ReferralSent',
  data: {
    referralId,
    caseId: 'c-1',
    fromAgency: 'PSDHS-SK',
    toAgency: 'HEALTH-SK',
    service: 'medical',
    urgency: 'urgent',
    sentAt: at.toISOString(),
    dueAt: due,
    sharesPersonalData: true,
    basis: 'consent',
    province: 'TH-27',
    toProvince: 'TH-27',
  },
} satisfies ReferralEvent;
export const accepted = {
  type: 'ReferralAccepted',
  data: { referralId, acceptedAt: at.toISOString() },
} satisfies ReferralEvent;
export const started = {
  type: 'ReferralServiceStarted',
  data: { referralId, startedAt: at.toISOString() },
} satisfies ReferralEvent;
export const completed = {
  type: 'ReferralCompleted',
  data: { referralId, outcome: 'service_provided', completedAt: at.toISOString() },
} satisfies ReferralEvent;
export const declined = {
  type: 'ReferralDeclined',
  data: { referralId, reason: 'เตียงเต็ม', declinedAt: at.toISOString() },
} satisfies ReferralEvent;
export const revoked = {
  type: 'ReferralRevoked',
  data: { referralId, reason: 'ส่งผิดหน่วยงาน', revokedAt: at.toISOString() },
} satisfies ReferralEvent;
export const overdue: ReferralEvent[] = [
  {
    type: 'ReferralOverdue',
    data: { referralId, caseId: 'c-1', toAgency: 'HEALTH-SK', dueAt: due, urgency: 'urgent' },
  },
  {
    type: 'ReferralEscalated',
    data: { referralId, caseId: 'c-1', toRole: 'coordinator', reason: 'not_acknowledged_by_due_time' },
  },
];
