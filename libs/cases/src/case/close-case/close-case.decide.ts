import type { CaseEvent } from '../case.events';
import { mustBeOpen } from '../case.guards';
import type { CaseState } from '../case.state';
import type { CloseCase } from './close-case.command';

export function decideCloseCase(command: CloseCase, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  mustBeOpen(state, caseId);
  return [{ type: 'CaseClosed', data: { caseId, outcome: command.data.outcome, closedAt: command.at.toISOString() } }];
}
