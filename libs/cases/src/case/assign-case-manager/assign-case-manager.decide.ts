import { CaseUnchanged } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustBeOpen, required } from '../case.guards';
import type { CaseState } from '../case.state';
import type { AssignCaseManager } from './assign-case-manager.command';

export function decideAssignCaseManager(command: AssignCaseManager, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustBeOpen(state, caseId);
  const caseManagerId = required(command.data.caseManagerId, 'caseManagerId');
  if (c.caseManagerId === caseManagerId) throw new CaseUnchanged(caseId, 'case manager');
  return [{ type: 'CaseManagerAssigned', data: { caseId, caseManagerId } }];
}
