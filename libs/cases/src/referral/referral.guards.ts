import type { Actor } from '@ruamjai/kernel';
import { IllegalReferralTransition, NotReferralParty, ReasonRequired, ReferralNotFound } from './referral.errors';
import type { KnownReferral, ReferralState, ReferralStatus } from './referral.state';

/** Checks several referral use cases share. */
export function mustExist(state: ReferralState, referralId: string): KnownReferral {
  if (state.status === 'none') throw new ReferralNotFound(referralId);
  return state;
}

/**
 * Who asks comes before what state the referral is in: to an agency that is neither its sender nor its
 * recipient (nor the secretariat), a referral does not exist, whatever its state.
 */
export function inStatus(
  state: ReferralState,
  referralId: string,
  action: string,
  allowed: readonly ReferralStatus[],
  actor: Actor,
): KnownReferral {
  const r = mustExist(state, referralId);
  if (actor.role !== 'coordinator' && actor.agency !== r.toAgency && actor.agency !== r.fromAgency)
    throw new ReferralNotFound(referralId);
  if (!allowed.includes(r.status)) throw new IllegalReferralTransition(referralId, r.status, action);
  return r;
}

/** Only the receiving agency answers a referral. */
export function mustBeRecipient(r: KnownReferral, actor: Actor): void {
  if (actor.agency !== r.toAgency) throw new NotReferralParty(r.referralId, actor.agency, 'recipient');
}

export function reason(text: string): string {
  if (!text.trim()) throw new ReasonRequired();
  return text.trim();
}
