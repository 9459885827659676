import { CaseFieldRequired, IllegalCaseTransition } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustBeOpen, required } from '../case.guards';
import type { CaseState } from '../case.state';
import type { RecordScreening } from './record-screening.command';

export function decideRecordScreening(command: RecordScreening, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustBeOpen(state, caseId);
  if (c.stage !== 'screening') throw new IllegalCaseTransition(caseId, c.stage, 'RecordScreening');
  const indicators = [...new Set(command.data.indicators.map((i) => i.trim()).filter(Boolean))];
  if (indicators.length === 0) throw new CaseFieldRequired('indicators');
  return [
    {
      type: 'CaseScreened',
      data: { caseId, indicators, formReference: required(command.data.formReference, 'formReference') },
    },
  ];
}
