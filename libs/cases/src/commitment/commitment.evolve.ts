import type { CommitmentEvent } from './commitment.events';
import type { CommitmentState } from './commitment.state';

export function evolveCommitment(state: CommitmentState, event: CommitmentEvent): CommitmentState {
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
