import type { CaseEvent } from '../case.events';
import { mustHaveData, required } from '../case.guards';
import type { CaseState } from '../case.state';
import type { RefuseErasure } from './refuse-erasure.command';

export function decideRefuseErasure(command: RefuseErasure, state: CaseState): CaseEvent[] {
  const { caseId, requestedOn, legalGround } = command.data;
  const c = mustHaveData(state, caseId);
  return [
    {
      type: 'ErasureRefused',
      data: {
        caseId,
        personId: c.personId,
        requestedOn,
        legalGround,
        explanation: required(command.data.explanation, 'explanation'),
      },
    },
  ];
}
