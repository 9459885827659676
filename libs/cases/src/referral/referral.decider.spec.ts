import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralFacts } from './send-referral/send-referral.command';
import { referralDecider } from './referral.decider';
import { PersonalDataAlreadyErased } from '../case/case.errors';
import {
  ConsentOrLegalBasisRequired,
  DueTimeInPast,
  IllegalReferralTransition,
  NotCaseOwner,
  NotReferralParty,
  NotYetOverdue,
  ReasonRequired,
  RecipientNotAvailable,
  ReferralAlreadyExists,
  ReferralCaseNotOpen,
  ReferralNotFound,
} from './referral.errors';

const spec = deciderSpec(referralDecider);
const sender: Actor = { id: 'malee.s', agency: 'PSDHS-SK', role: 'agency_officer' };
const recipient: Actor = { id: 'nurse.a', agency: 'HEALTH-SK', role: 'agency_officer' };
const other: Actor = { id: 'x', agency: 'POL-SK', role: 'agency_officer' };
const coordinator: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' };
const system: Actor = { id: 'system:referral-scheduler', agency: 'RUAMJAI', role: 'coordinator' };
const at = new Date('2019-05-02T03:00:00Z');
const due = '2019-05-03T03:00:00.000Z';
const referralId = 'r-1';
const facts: ReferralFacts = {
  case: { exists: true, open: true, owningAgency: 'PSDHS-SK', consent: true, legalBasis: null, erased: false },
  recipient: 'active',
};
const send = (
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
const cmd = (type: ReferralCommand['type'], actor: Actor, data: object = {}, when = at) =>
  ({ type, data: { referralId, ...data }, actor, at: when }) as ReferralCommand;

const sent: ReferralEvent = {
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
  },
};
const accepted: ReferralEvent = { type: 'ReferralAccepted', data: { referralId, acceptedAt: at.toISOString() } };
const started: ReferralEvent = { type: 'ReferralServiceStarted', data: { referralId, startedAt: at.toISOString() } };
const completed: ReferralEvent = {
  type: 'ReferralCompleted',
  data: { referralId, outcome: 'service_provided', completedAt: at.toISOString() },
};
const declined: ReferralEvent = {
  type: 'ReferralDeclined',
  data: { referralId, reason: 'เตียงเต็ม', declinedAt: at.toISOString() },
};
const revoked: ReferralEvent = {
  type: 'ReferralRevoked',
  data: { referralId, reason: 'ส่งผิดหน่วยงาน', revokedAt: at.toISOString() },
};
const overdue: ReferralEvent[] = [
  {
    type: 'ReferralOverdue',
    data: { referralId, caseId: 'c-1', toAgency: 'HEALTH-SK', dueAt: due, urgency: 'urgent' },
  },
  {
    type: 'ReferralEscalated',
    data: { referralId, caseId: 'c-1', toRole: 'coordinator', reason: 'not_acknowledged_by_due_time' },
  },
];

describe('sending a referral', () => {
  it("is sent by the owning agency, sharing personal data on the person's consent", () => {
    spec.given([]).when(send()).then([sent]);
  });
  it('shares personal data on a recorded legal basis when there is no consent', () => {
    spec
      .given([])
      .when(send({}, { consent: false, legalBasis: 'vital_interest' }))
      .then([{ ...sent, data: { ...sent.data, basis: 'legal_basis' } }]);
  });
  it('is refused when it shares personal data with neither consent nor legal basis', () => {
    spec
      .given([])
      .when(send({}, { consent: false, legalBasis: null }))
      .thenRefuses(ConsentOrLegalBasisRequired, 'REFERRAL.CONSENT_OR_LEGAL_BASIS_REQUIRED');
  });
  it('needs neither when it shares no personal data', () => {
    spec
      .given([])
      .when(send({ sharesPersonalData: false }, { consent: false }))
      .then([{ ...sent, data: { ...sent.data, sharesPersonalData: false, basis: null } }]);
  });
  it('cannot share the data of a person whose data was erased', () => {
    // The same answer a read of the erased case gets (410), not a closed-case conflict.
    spec
      .given([])
      .when(send({}, { erased: true }))
      .thenRefuses(PersonalDataAlreadyErased, 'PERSONAL_DATA.ERASED');
  });
  it('needs an open case', () => {
    spec
      .given([])
      .when(send({}, { exists: false }))
      .thenRefuses(ReferralCaseNotOpen, 'REFERRAL.CASE_NOT_OPEN');
    spec
      .given([])
      .when(send({}, { open: false }))
      .thenRefuses(ReferralCaseNotOpen);
  });
  it('comes from the owning agency or the coordinator, not from any agency', () => {
    spec
      .given([])
      .when(send({}, {}, 'active', other))
      .thenRefuses(NotCaseOwner, 'REFERRAL.NOT_CASE_OWNER');
    spec
      .given([])
      .when(send({}, {}, 'active', coordinator))
      .then([sent]);
  });
  it('goes to another registered, active agency', () => {
    spec
      .given([])
      .when(send({ toAgency: 'PSDHS-SK' }))
      .thenRefuses(RecipientNotAvailable, 'REFERRAL.RECIPIENT_NOT_AVAILABLE');
    spec
      .given([])
      .when(send({}, {}, 'unknown'))
      .thenRefuses(RecipientNotAvailable);
    spec
      .given([])
      .when(send({}, {}, 'inactive'))
      .thenRefuses(RecipientNotAvailable);
  });
  it('needs a due time in the future', () => {
    spec
      .given([])
      .when(send({ dueAt: '2019-05-02T03:00:00.000Z' }))
      .thenRefuses(DueTimeInPast, 'REFERRAL.DUE_TIME_IN_PAST');
  });
  it('cannot be sent twice under one id', () => {
    spec.given([sent]).when(send()).thenRefuses(ReferralAlreadyExists);
  });
  it('from outside (hotline, another province) names its sender', () => {
    spec
      .given([])
      .when(
        send({ external: { fromAgency: 'HOTLINE-1300' } }, {}, 'active', {
          id: 'inbound',
          agency: 'HOTLINE-1300',
          role: 'agency_officer',
        }),
      )
      .then([{ ...sent, data: { ...sent.data, fromAgency: 'HOTLINE-1300' } }]);
  });
});

describe('a sent referral', () => {
  it('is accepted or declined with a reason by the recipient only', () => {
    spec.given([sent]).when(cmd('AcceptReferral', recipient)).then([accepted]);
    spec
      .given([sent])
      .when(cmd('DeclineReferral', recipient, { reason: ' เตียงเต็ม ' }))
      .then([declined]);
    spec
      .given([sent])
      .when(cmd('DeclineReferral', recipient, { reason: '' }))
      .thenRefuses(ReasonRequired);
    spec.given([sent]).when(cmd('AcceptReferral', sender)).thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });
  it('does not exist for an agency that is neither its sender nor its recipient, whatever its state', () => {
    spec.given([sent]).when(cmd('AcceptReferral', other)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
    spec.given([sent, accepted]).when(cmd('AcceptReferral', other)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
    spec
      .given([sent, accepted])
      .when(cmd('RevokeReferral', other, { reason: 'x' }))
      .thenRefuses(ReferralNotFound);
  });
  it('cannot start or complete before it is accepted', () => {
    spec
      .given([sent])
      .when(cmd('StartReferralService', recipient))
      .thenRefuses(IllegalReferralTransition, 'REFERRAL.ILLEGAL_TRANSITION');
    spec
      .given([sent])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .thenRefuses(IllegalReferralTransition);
  });
  it('is revoked by its sender or the coordinator with a reason, not by the recipient', () => {
    spec
      .given([sent])
      .when(cmd('RevokeReferral', sender, { reason: 'ส่งผิดหน่วยงาน' }))
      .then([revoked]);
    spec
      .given([sent])
      .when(cmd('RevokeReferral', coordinator, { reason: 'ส่งผิดหน่วยงาน' }))
      .then([revoked]);
    spec
      .given([sent])
      .when(cmd('RevokeReferral', recipient, { reason: 'x' }))
      .thenRefuses(NotReferralParty);
  });
});

describe('an accepted referral', () => {
  it('goes in progress, then completes with an outcome', () => {
    spec.given([sent, accepted]).when(cmd('StartReferralService', recipient)).then([started]);
    spec
      .given([sent, accepted, started])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .then([completed]);
  });
  it('cannot be accepted or declined again', () => {
    spec.given([sent, accepted]).when(cmd('AcceptReferral', recipient)).thenRefuses(IllegalReferralTransition);
    spec
      .given([sent, accepted])
      .when(cmd('DeclineReferral', recipient, { reason: 'x' }))
      .thenRefuses(IllegalReferralTransition);
  });
  it('can still be revoked while in progress', () => {
    spec
      .given([sent, accepted, started])
      .when(cmd('RevokeReferral', sender, { reason: 'ส่งผิดหน่วยงาน' }))
      .then([revoked]);
  });
});

describe('a finished referral (declined, completed, revoked)', () => {
  it.each([
    ['declined', [sent, declined]],
    ['completed', [sent, accepted, started, completed]],
    ['revoked', [sent, revoked]],
  ] as const)('%s takes no further step', (_name, given) => {
    for (const [type, actor] of [
      ['AcceptReferral', recipient],
      ['StartReferralService', recipient],
      ['CompleteReferral', recipient],
      ['RevokeReferral', sender],
    ] as const) {
      spec
        .given([...given])
        .when(cmd(type, actor, { outcome: 'service_provided', reason: 'x' }))
        .thenRefuses(IllegalReferralTransition);
    }
  });
});

describe('an unknown referral', () => {
  it('is not found', () => {
    spec.given([]).when(cmd('AcceptReferral', recipient)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

describe('a referral not acknowledged by its due time', () => {
  it('becomes overdue and is escalated to the coordinator exactly at the due time', () => {
    spec
      .given([sent])
      .when(cmd('MarkReferralOverdue', system, {}, new Date(due)))
      .then(overdue);
  });
  it('is not overdue a millisecond before', () => {
    spec
      .given([sent])
      .when(cmd('MarkReferralOverdue', system, {}, new Date(Date.parse(due) - 1)))
      .thenRefuses(NotYetOverdue, 'REFERRAL.NOT_OVERDUE');
  });
  it('is marked overdue only once', () => {
    spec
      .given([sent, ...overdue])
      .when(cmd('MarkReferralOverdue', system, {}, new Date(Date.parse(due) + 3600_000)))
      .thenRefuses(NotYetOverdue);
  });
  it('is not overdue once acknowledged (accepted, declined) or revoked', () => {
    for (const answer of [accepted, declined, revoked])
      spec
        .given([sent, answer])
        .when(cmd('MarkReferralOverdue', system, {}, new Date(due)))
        .thenRefuses(NotYetOverdue);
  });
  it('can still be accepted late', () => {
    spec
      .given([sent, ...overdue])
      .when(cmd('AcceptReferral', recipient))
      .then([accepted]);
  });
});
