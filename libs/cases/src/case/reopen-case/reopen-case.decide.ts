import { IllegalCaseTransition } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustExist, required } from '../case.guards';
import type { CaseState } from '../case.state';
import type { ReopenCase } from './reopen-case.command';

export function decideReopenCase(command: ReopenCase, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustExist(state, caseId);
  if (c.status !== 'closed') throw new IllegalCaseTransition(caseId, 'open', 'ReopenCase');
  return [{ type: 'CaseReopened', data: { caseId, reason: required(command.data.reason, 'reason') } }];
}
