import { IllegalCaseTransition } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustBeOpen, required } from '../case.guards';
import type { CaseState } from '../case.state';
import type { RecordIdentification } from './record-identification.command';

export function decideRecordIdentification(command: RecordIdentification, state: CaseState): CaseEvent[] {
  const { caseId, outcome, decidedOn, decidingAgency } = command.data;
  const c = mustBeOpen(state, caseId);
  if (c.stage !== 'identification') throw new IllegalCaseTransition(caseId, c.stage, 'RecordIdentification');
  return [
    {
      type: 'VictimIdentificationRecorded',
      data: { caseId, outcome, decidedOn, decidingAgency: required(decidingAgency, 'decidingAgency') },
    },
  ];
}
