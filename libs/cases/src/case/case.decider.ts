import type { Decider } from '@ruamjai/kernel';
import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';
import { evolveCase } from './case.evolve';
import type { CaseState } from './case.state';
import { decideOpenCase } from './open-case/open-case.decide';
import { decideRecordScreening } from './record-screening/record-screening.decide';
import { decideRecordIdentification } from './record-identification/record-identification.decide';
import { decideAdvanceNrmStage } from './advance-nrm-stage/advance-nrm-stage.decide';
import { decideAssignCaseManager } from './assign-case-manager/assign-case-manager.decide';
import { decideUpdatePersonalData } from './update-personal-data/update-personal-data.decide';
import { decideCloseCase } from './close-case/close-case.decide';
import { decideReopenCase } from './reopen-case/reopen-case.decide';
import { decideRecordConsent } from './record-consent/record-consent.decide';
import { decideWithdrawConsent } from './withdraw-consent/withdraw-consent.decide';
import { decideRecordLegalBasis } from './record-legal-basis/record-legal-basis.decide';
import { decideErasePersonalData } from './erase-personal-data/erase-personal-data.decide';
import { decideRefuseErasure } from './refuse-erasure/refuse-erasure.decide';

/** Hands each command to its use case. */
function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  switch (command.type) {
    case 'OpenCase':
      return decideOpenCase(command, state);
    case 'RecordScreening':
      return decideRecordScreening(command, state);
    case 'RecordIdentification':
      return decideRecordIdentification(command, state);
    case 'AdvanceNrmStage':
      return decideAdvanceNrmStage(command, state);
    case 'AssignCaseManager':
      return decideAssignCaseManager(command, state);
    case 'UpdatePersonalData':
      return decideUpdatePersonalData(command, state);
    case 'CloseCase':
      return decideCloseCase(command, state);
    case 'ReopenCase':
      return decideReopenCase(command, state);
    case 'RecordConsent':
      return decideRecordConsent(command, state);
    case 'WithdrawConsent':
      return decideWithdrawConsent(command, state);
    case 'RecordLegalBasis':
      return decideRecordLegalBasis(command, state);
    case 'ErasePersonalData':
      return decideErasePersonalData(command, state);
    case 'RefuseErasure':
      return decideRefuseErasure(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const caseDecider: Decider<CaseCommand, CaseState, CaseEvent> = {
  initialState: { status: 'none' },
  decide,
  evolve: evolveCase,
};
