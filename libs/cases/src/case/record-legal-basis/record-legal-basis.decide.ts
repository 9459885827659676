import { CaseUnchanged } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustHaveData, required } from '../case.guards';
import type { CaseState } from '../case.state';
import type { RecordLegalBasis } from './record-legal-basis.command';

export function decideRecordLegalBasis(command: RecordLegalBasis, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustHaveData(state, caseId);
  if (c.legalBasis === command.data.basis) throw new CaseUnchanged(caseId, 'legal basis');
  return [
    {
      type: 'LegalBasisRecorded',
      data: { caseId, basis: command.data.basis, reference: required(command.data.reference, 'reference') },
    },
  ];
}
