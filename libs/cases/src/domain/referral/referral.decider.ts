import type { Actor, Decider } from '@ruamjai/kernel';
import { PersonalDataAlreadyErased } from '../case/case.errors';
import type { ReferralCommand, ReferralEvent, ReferralState, ReferralStatus, SendReferral } from './referral';
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

type Known = Exclude<ReferralState, { status: 'none' }>;

function known(state: ReferralState, referralId: string): Known {
  if (state.status === 'none') throw new ReferralNotFound(referralId);
  return state;
}

/**
 * Who asks comes before what state the referral is in: to an agency that is neither its sender nor its
 * recipient (nor the secretariat), a referral does not exist, whatever its state.
 */
function inStatus(
  state: ReferralState,
  referralId: string,
  action: string,
  allowed: readonly ReferralStatus[],
  actor: Actor,
): Known {
  const r = known(state, referralId);
  if (actor.role !== 'coordinator' && actor.agency !== r.toAgency && actor.agency !== r.fromAgency)
    throw new ReferralNotFound(referralId);
  if (!allowed.includes(r.status)) throw new IllegalReferralTransition(referralId, r.status, action);
  return r;
}

/** Only the receiving agency answers a referral. */
function recipient(r: Known, actor: Actor): void {
  if (actor.agency !== r.toAgency) throw new NotReferralParty(r.referralId, actor.agency, 'recipient');
}

function reason(text: string): string {
  if (!text.trim()) throw new ReasonRequired();
  return text.trim();
}

function send(command: SendReferral): ReferralEvent[] {
  const { referralId, caseId, toAgency, service, urgency, dueAt, sharesPersonalData, external } = command.data;
  const { case: c, recipient: to } = command.facts;
  if (!c.exists) throw new ReferralCaseNotOpen(caseId, 'not_found');
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
      },
    },
  ];
}

function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  const { referralId } = command.data;
  const at = command.at.toISOString();
  switch (command.type) {
    case 'SendReferral':
      if (state.status !== 'none') throw new ReferralAlreadyExists(referralId);
      return send(command);
    case 'AcceptReferral': {
      const r = inStatus(state, referralId, 'AcceptReferral', ['sent'], command.actor);
      recipient(r, command.actor);
      return [{ type: 'ReferralAccepted', data: { referralId, acceptedAt: at } }];
    }
    case 'DeclineReferral': {
      const r = inStatus(state, referralId, 'DeclineReferral', ['sent'], command.actor);
      recipient(r, command.actor);
      return [{ type: 'ReferralDeclined', data: { referralId, reason: reason(command.data.reason), declinedAt: at } }];
    }
    case 'StartReferralService': {
      const r = inStatus(state, referralId, 'StartReferralService', ['accepted'], command.actor);
      recipient(r, command.actor);
      return [{ type: 'ReferralServiceStarted', data: { referralId, startedAt: at } }];
    }
    case 'CompleteReferral': {
      const r = inStatus(state, referralId, 'CompleteReferral', ['in_progress'], command.actor);
      recipient(r, command.actor);
      return [{ type: 'ReferralCompleted', data: { referralId, outcome: command.data.outcome, completedAt: at } }];
    }
    case 'RevokeReferral': {
      const r = inStatus(state, referralId, 'RevokeReferral', ['sent', 'accepted', 'in_progress'], command.actor);
      if (command.actor.agency !== r.fromAgency && command.actor.role !== 'coordinator')
        throw new NotReferralParty(referralId, command.actor.agency, 'sender');
      return [{ type: 'ReferralRevoked', data: { referralId, reason: reason(command.data.reason), revokedAt: at } }];
    }
    case 'MarkReferralOverdue': {
      const r = known(state, referralId);
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
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralSent') {
    const d = event.data;
    return {
      status: 'sent',
      referralId: d.referralId,
      caseId: d.caseId,
      fromAgency: d.fromAgency,
      toAgency: d.toAgency,
      urgency: d.urgency,
      dueAt: d.dueAt,
      sharesPersonalData: d.sharesPersonalData,
      overdue: false,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReferralAccepted':
      return { ...state, status: 'accepted' };
    case 'ReferralDeclined':
      return { ...state, status: 'declined' };
    case 'ReferralServiceStarted':
      return { ...state, status: 'in_progress' };
    case 'ReferralCompleted':
      return { ...state, status: 'completed' };
    case 'ReferralRevoked':
      return { ...state, status: 'revoked' };
    case 'ReferralOverdue':
      return { ...state, overdue: true };
    case 'ReferralEscalated':
      return state;
    default: {
      const _: never = event;
      return state;
    }
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralState, ReferralEvent> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
