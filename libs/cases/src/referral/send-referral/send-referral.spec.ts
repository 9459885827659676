import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { PersonalDataAlreadyErased } from '../../case/case.errors';
import {
  ConsentOrLegalBasisRequired,
  DueTimeInPast,
  NotCaseOwner,
  RecipientNotAvailable,
  ReferralAlreadyExists,
  ReferralCaseNotOpen,
} from '../referral.errors';
import { other, coordinator, send, sent } from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

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
          province: 'TH-27',
        }),
      )
      .then([{ ...sent, data: { ...sent.data, fromAgency: 'HOTLINE-1300' } }]);
  });
});
