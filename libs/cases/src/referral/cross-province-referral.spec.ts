import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from './referral.decider';
import { NotReferralParty, ReferralNotFound } from './referral.errors';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { at, cmd, due, facts, referralId, sent } from './referral.fixtures';

// A case opened in Chon Buri (TH-20) referred to a shelter in Sa Kaeo (TH-27), where the person was found.
const spec = deciderSpec(referralDecider);

const chonBuriOfficer: Actor = { id: 'ploy.c', agency: 'PSDHS-CB', role: 'agency_officer', province: 'TH-20' };
const chonBuriCoordinator: Actor = { id: 'anan.c', agency: 'PSDHS-CB', role: 'coordinator', province: 'TH-20' };
const saKaeoShelter: Actor = { id: 'nok.s', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' };
const saKaeoCoordinator: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
const koratCoordinator: Actor = { id: 'wichai.n', agency: 'PSDHS-NM', role: 'coordinator', province: 'TH-30' };
/** The shelter's code in a token from the wrong province: a misissued account, not the shelter. */
const shelterElsewhere: Actor = { ...saKaeoShelter, id: 'nok.elsewhere', province: 'TH-30' };

const sendAcross = (recipientProvince = 'TH-27'): ReferralCommand => ({
  type: 'SendReferral',
  data: {
    referralId,
    caseId: 'c-1',
    toAgency: 'SHELTER-SK',
    service: 'shelter',
    urgency: 'urgent',
    dueAt: due,
    sharesPersonalData: false,
  },
  facts: {
    case: { ...facts.case, owningAgency: 'PSDHS-CB', province: 'TH-20' },
    recipient: 'active',
    recipientProvince,
  },
  actor: chonBuriOfficer,
  at,
});

const sentAcross = {
  type: 'ReferralSent',
  data: {
    ...sent.data,
    fromAgency: 'PSDHS-CB',
    toAgency: 'SHELTER-SK',
    service: 'shelter',
    sharesPersonalData: false,
    basis: null,
    province: 'TH-20',
    toProvince: 'TH-27',
  },
} satisfies ReferralEvent;

describe('a referral to an agency of another province', () => {
  it("records both provinces: the case's, and the recipient agency's where it is answered", () => {
    spec.given([]).when(sendAcross()).then([sentAcross]);
  });

  it("is local when the recipient works in the case's province", () => {
    spec
      .given([])
      .when(sendAcross('TH-20'))
      .then([{ ...sentAcross, data: { ...sentAcross.data, toProvince: 'TH-20' } }]);
  });

  it('is answered by the recipient agency from its own province, as a local one is', () => {
    spec
      .given([sentAcross])
      .when(cmd('AcceptReferral', saKaeoShelter))
      .then([{ type: 'ReferralAccepted', data: { referralId, acceptedAt: at.toISOString() } }]);
  });

  it("is not answered in the recipient's name from a third province", () => {
    spec.given([sentAcross]).when(cmd('AcceptReferral', shelterElsewhere)).thenRefuses(ReferralNotFound);
  });

  it("is not answered in the recipient's name from the case's province", () => {
    spec
      .given([sentAcross])
      .when(cmd('AcceptReferral', { ...saKaeoShelter, province: 'TH-20' }))
      .thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });

  it('does not exist for a third province, not even for its coordinator', () => {
    spec
      .given([sentAcross])
      .when(cmd('RevokeReferral', koratCoordinator, { reason: 'x' }))
      .thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
    spec
      .given([sentAcross])
      .when(cmd('DeclineReferral', koratCoordinator, { reason: 'x' }))
      .thenRefuses(ReferralNotFound);
  });

  it("is overseen, not withdrawn, by the recipient province's coordinator", () => {
    spec
      .given([sentAcross])
      .when(cmd('RevokeReferral', saKaeoCoordinator, { reason: 'ไม่ใช่เรื่องของจังหวัดเรา' }))
      .thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });

  it("is withdrawn by the sender's side: the case province's coordinator", () => {
    spec
      .given([sentAcross])
      .when(cmd('RevokeReferral', chonBuriCoordinator, { reason: 'ส่งผิดจังหวัด' }))
      .then([{ type: 'ReferralRevoked', data: { referralId, reason: 'ส่งผิดจังหวัด', revokedAt: at.toISOString() } }]);
  });
});

describe('a referral sent before provinces', () => {
  it('names no province and is fenced by none, as before', () => {
    const { province: _p, toProvince: _t, ...legacy } = sentAcross.data;
    spec
      .given([{ type: 'ReferralSent', data: legacy }])
      .when(cmd('AcceptReferral', shelterElsewhere))
      .then([{ type: 'ReferralAccepted', data: { referralId, acceptedAt: at.toISOString() } }]);
  });
});
