import { withinReach, type Actor } from '@ruamjai/kernel';
import { IllegalReferralTransition, NotReferralParty, ReasonRequired, ReferralNotFound } from './referral.errors';
import type { KnownReferral, ReferralState, ReferralStatus } from './referral.state';

/** Checks several referral use cases share. */
export function mustExist(state: ReferralState, referralId: string): KnownReferral {
  if (state.status === 'none') throw new ReferralNotFound(referralId);
  return state;
}

/**
 * Whether the actor works in one of the referral's two provinces: the case's (the sender's side) or
 * the recipient agency's. A referral sent before provinces names neither, and is fenced by nothing here.
 */
export function withinReferralReach(r: KnownReferral, actor: Actor): boolean {
  const provinces = [r.province, r.toProvince].filter((p): p is string => p !== null);
  return provinces.length === 0 || provinces.some((p) => withinReach(actor, p));
}

/**
 * Who asks comes before what state the referral is in: to a third province, and to an agency that is
 * neither its sender nor its recipient (nor the secretariat), a referral does not exist, whatever its state.
 */
export function inStatus(
  state: ReferralState,
  referralId: string,
  action: string,
  allowed: readonly ReferralStatus[],
  actor: Actor,
): KnownReferral {
  const r = mustExist(state, referralId);
  if (!withinReferralReach(r, actor)) throw new ReferralNotFound(referralId);
  if (actor.role !== 'coordinator' && actor.agency !== r.toAgency && actor.agency !== r.fromAgency)
    throw new ReferralNotFound(referralId);
  if (!allowed.includes(r.status)) throw new IllegalReferralTransition(referralId, r.status, action);
  return r;
}

/** Only the receiving agency answers a referral, from its own province. */
export function mustBeRecipient(r: KnownReferral, actor: Actor): void {
  if (actor.agency !== r.toAgency || (r.toProvince !== null && !withinReach(actor, r.toProvince)))
    throw new NotReferralParty(r.referralId, actor.agency, 'recipient');
}

/**
 * The sender's side: the sending agency, or a coordinator of the case's province. The recipient's
 * province oversees a cross-province referral but does not withdraw another province's decision.
 */
export function mustBeSenderSide(r: KnownReferral, actor: Actor): void {
  const coordinatorOfCase = actor.role === 'coordinator' && (r.province === null || withinReach(actor, r.province));
  if (actor.agency !== r.fromAgency && !coordinatorOfCase)
    throw new NotReferralParty(r.referralId, actor.agency, 'sender');
}

export function reason(text: string): string {
  if (!text.trim()) throw new ReasonRequired();
  return text.trim();
}
