import type { CaseEvent } from '../case.events';
import { mustBeOpen, mustHaveData } from '../case.guards';
import type { CaseState } from '../case.state';
import type { UpdatePersonalData } from './update-personal-data.command';

export function decideUpdatePersonalData(command: UpdatePersonalData, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  mustBeOpen(state, caseId);
  mustHaveData(state, caseId);
  return [{ type: 'PersonalDataUpdated', data: { caseId, personalData: command.data.personalData } }];
}
