import { withinReach } from '@ruamjai/kernel';
import { PersonalDataAlreadyErased } from '../../case/case.errors';
import {
  ConsentOrLegalBasisRequired,
  DueTimeInPast,
  NotCaseOwner,
  RecipientNotAvailable,
  ReferralAlreadyExists,
  ReferralCaseNotOpen,
} from '../referral.errors';
import type { ReferralEvent } from '../referral.events';
import type { ReferralState } from '../referral.state';
import type { SendReferral } from './send-referral.command';

export function decideSendReferral(command: SendReferral, state: ReferralState): ReferralEvent[] {
  const { referralId, caseId, toAgency, service, urgency, dueAt, sharesPersonalData, external } = command.data;
  if (state.status !== 'none') throw new ReferralAlreadyExists(referralId);
  const { case: c, recipient: to } = command.facts;
  // Another province's case is not known here (inbound referrals arrive in the deployment's own).
  if (!c.exists || (c.province !== null && !withinReach(command.actor, c.province)))
    throw new ReferralCaseNotOpen(caseId, 'not_found');
  if (!c.open) throw new ReferralCaseNotOpen(caseId, 'closed');
  // An inbound referral (hotline, another province) names its sender; ours come from the actor's agency.
  const fromAgency = external?.fromAgency ?? command.actor.agency;
  if (!external && command.actor.role !== 'coordinator' && c.owningAgency !== command.actor.agency)
    throw new NotCaseOwner(caseId, command.actor.agency);
  if (toAgency === fromAgency) throw new RecipientNotAvailable(toAgency, 'self');
  if (to !== 'active') throw new RecipientNotAvailable(toAgency, to);
  if (Date.parse(dueAt) <= command.at.getTime()) throw new DueTimeInPast(dueAt);
  let basis: 'consent' | 'legal_basis' | null = null;
  if (sharesPersonalData) {
    // Answered as a read of the erased case is: 410 PERSONAL_DATA.ERASED, not a closed-case conflict.
    if (c.erased) throw new PersonalDataAlreadyErased(caseId);
    if (c.consent) basis = 'consent';
    else if (c.legalBasis) basis = 'legal_basis';
    else throw new ConsentOrLegalBasisRequired(caseId);
  }
  const province = c.province ?? command.actor.province;
  return [
    {
      type: 'ReferralSent',
      data: {
        referralId,
        caseId,
        fromAgency,
        toAgency,
        service,
        urgency,
        sentAt: command.at.toISOString(),
        dueAt: new Date(dueAt).toISOString(),
        sharesPersonalData,
        basis,
        province,
        // A case may be referred to an agency of another province (a victim found there): that
        // province's agency answers it, and its coordinators oversee it without seeing the case.
        toProvince: command.facts.recipientProvince ?? province,
      },
    },
  ];
}
