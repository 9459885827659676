import type { CaseEvent } from '../case.events';
import { mustHaveData, required } from '../case.guards';
import type { CaseState } from '../case.state';
import type { ErasePersonalData } from './erase-personal-data.command';

export function decideErasePersonalData(command: ErasePersonalData, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustHaveData(state, caseId);
  return [
    {
      type: 'PersonalDataErased',
      data: {
        caseId,
        personId: c.personId,
        requestedOn: command.data.requestedOn,
        erasedAt: command.at.toISOString(),
        reason: required(command.data.reason, 'reason'),
      },
    },
  ];
}
