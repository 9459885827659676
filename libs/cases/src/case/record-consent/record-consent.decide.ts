import { CaseUnchanged } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustHaveData } from '../case.guards';
import type { CaseState } from '../case.state';
import type { RecordConsent } from './record-consent.command';

export function decideRecordConsent(command: RecordConsent, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustHaveData(state, caseId);
  if (c.consent) throw new CaseUnchanged(caseId, 'consent');
  return [{ type: 'ConsentRecorded', data: { caseId, givenOn: command.data.givenOn, scope: command.data.scope } }];
}
