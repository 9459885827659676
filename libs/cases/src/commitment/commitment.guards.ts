import type { Actor } from '@ruamjai/kernel';
import {
  CommitmentClosed,
  CommitmentNotFound,
  CommitmentReasonRequired,
  NotPledgingAgency,
  QuantityInvalid,
} from './commitment.errors';
import type { CommitmentState, KnownCommitment } from './commitment.state';

/** Open pledges change; fulfilled and withdrawn ones are history. Only the pledging agency (or the secretariat) changes them. */
export function pledged(state: CommitmentState, commitmentId: string, actor: Actor): KnownCommitment {
  if (state.status === 'none') throw new CommitmentNotFound(commitmentId);
  // Who asks comes before what state the pledge is in: a pledge to a case is not confirmed to outsiders.
  if (actor.agency !== state.agency && actor.role !== 'coordinator') {
    if (state.targetKind === 'case') throw new CommitmentNotFound(commitmentId);
    throw new NotPledgingAgency(commitmentId, actor.agency);
  }
  if (state.status !== 'pledged') throw new CommitmentClosed(commitmentId, state.status);
  return state;
}

export function positive(quantity: number): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new QuantityInvalid(quantity, { min: 1 });
  return quantity;
}

export function reason(text: string): string {
  if (!text.trim()) throw new CommitmentReasonRequired();
  return text.trim();
}
