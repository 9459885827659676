import type { Actor, Decider } from '@ruamjai/kernel';
import { mayReadCase } from '../access/case-access';
import { CaseNotFound } from '../case/case.errors';
import {
  CommitmentAlreadyExists,
  CommitmentClosed,
  CommitmentNotFound,
  CommitmentReasonRequired,
  CommitmentTargetUnknown,
  NotPledgingAgency,
  QuantityInvalid,
  type CommitmentCommand,
  type CommitmentEvent,
  type CommitmentState,
} from './commitment';

type Known = Exclude<CommitmentState, { status: 'none' }>;

/** Open pledges change; fulfilled and withdrawn ones are history. Only the pledging agency (or the secretariat) changes them. */
function pledged(state: CommitmentState, commitmentId: string, actor: Actor): Known {
  if (state.status === 'none') throw new CommitmentNotFound(commitmentId);
  // Who asks comes before what state the pledge is in: a pledge to a case is not confirmed to outsiders.
  if (actor.agency !== state.agency && actor.role !== 'coordinator') {
    if (state.targetKind === 'case') throw new CommitmentNotFound(commitmentId);
    throw new NotPledgingAgency(commitmentId, actor.agency);
  }
  if (state.status !== 'pledged') throw new CommitmentClosed(commitmentId, state.status);
  return state;
}

function positive(quantity: number): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new QuantityInvalid(quantity, { min: 1 });
  return quantity;
}

function reason(text: string): string {
  if (!text.trim()) throw new CommitmentReasonRequired();
  return text.trim();
}

function decide(command: CommitmentCommand, state: CommitmentState): CommitmentEvent[] {
  const { commitmentId } = command.data;
  switch (command.type) {
    case 'PledgeCommitment': {
      if (state.status !== 'none') throw new CommitmentAlreadyExists(commitmentId);
      const { target, resource, quantity, dueOn } = command.data;
      if (target.kind === 'case') {
        // Pledging to a case needs need-to-know on it; without it the case is answered as unknown, so
        // a pledge cannot be used to learn that a case id exists.
        const access = command.facts.caseAccess;
        if (
          !command.facts.targetExists ||
          !access ||
          !mayReadCase(command.actor, access) ||
          command.actor.role === 'auditor'
        )
          throw new CaseNotFound(target.caseId);
      } else if (!command.facts.targetExists) throw new CommitmentTargetUnknown(target);
      return [
        {
          type: 'CommitmentPledged',
          data: { commitmentId, agency: command.actor.agency, target, resource, quantity: positive(quantity), dueOn },
        },
      ];
    }
    case 'RecordFulfilment': {
      const c = pledged(state, commitmentId, command.actor);
      const quantity = positive(command.data.quantity);
      const remaining = c.quantity - c.fulfilled;
      if (quantity > remaining) throw new QuantityInvalid(quantity, { max: remaining });
      const fulfilledTotal = c.fulfilled + quantity;
      return [
        {
          type: 'CommitmentFulfilled',
          data: {
            commitmentId,
            quantity,
            fulfilledTotal,
            fulfilledOn: command.data.fulfilledOn,
            complete: fulfilledTotal === c.quantity,
          },
        },
      ];
    }
    case 'ReviseCommitment': {
      const c = pledged(state, commitmentId, command.actor);
      const quantity = positive(command.data.quantity);
      // A pledge cannot be revised below what was already delivered.
      if (quantity < c.fulfilled) throw new QuantityInvalid(quantity, { min: c.fulfilled });
      return [
        {
          type: 'CommitmentRevised',
          data: {
            commitmentId,
            previousQuantity: c.quantity,
            quantity,
            previousDueOn: c.dueOn,
            dueOn: command.data.dueOn,
            reason: reason(command.data.reason),
          },
        },
      ];
    }
    case 'WithdrawCommitment': {
      pledged(state, commitmentId, command.actor);
      return [{ type: 'CommitmentWithdrawn', data: { commitmentId, reason: reason(command.data.reason) } }];
    }
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function evolve(state: CommitmentState, event: CommitmentEvent): CommitmentState {
  if (event.type === 'CommitmentPledged') {
    const d = event.data;
    return {
      status: 'pledged',
      commitmentId: d.commitmentId,
      agency: d.agency,
      targetKind: d.target.kind,
      quantity: d.quantity,
      fulfilled: 0,
      dueOn: d.dueOn,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CommitmentFulfilled':
      return {
        ...state,
        fulfilled: event.data.fulfilledTotal,
        status: event.data.complete ? 'fulfilled' : state.status,
      };
    case 'CommitmentRevised':
      return {
        ...state,
        quantity: event.data.quantity,
        dueOn: event.data.dueOn,
        status: event.data.quantity === state.fulfilled ? 'fulfilled' : state.status,
      };
    case 'CommitmentWithdrawn':
      return { ...state, status: 'withdrawn' };
    default: {
      const _: never = event;
      return state;
    }
  }
}

export const commitmentDecider: Decider<CommitmentCommand, CommitmentState, CommitmentEvent> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
