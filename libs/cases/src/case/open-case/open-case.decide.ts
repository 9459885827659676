import { CaseAlreadyExists } from '../case.errors';
import type { CaseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import type { OpenCase } from './open-case.command';

export function decideOpenCase(command: OpenCase, state: CaseState): CaseEvent[] {
  const { caseId, personId, source, districtCode, foundOn, ageGroup, personalData } = command.data;
  if (state.status !== 'none') throw new CaseAlreadyExists(caseId);
  return [
    {
      type: 'CaseOpened',
      data: {
        caseId,
        personId,
        owningAgency: command.actor.agency,
        province: command.actor.province,
        source,
        districtCode,
        foundOn,
        ageGroup,
        openedAt: command.at.toISOString(),
        personalData,
      },
    },
  ];
}
