import { CaseCommands } from './case.commands.handler';
import { OpenCaseHandler } from './open-case/open-case.handler';
import { RecordScreeningHandler } from './record-screening/record-screening.handler';
import { RecordIdentificationHandler } from './record-identification/record-identification.handler';
import { AdvanceNrmStageHandler } from './advance-nrm-stage/advance-nrm-stage.handler';
import { AssignCaseManagerHandler } from './assign-case-manager/assign-case-manager.handler';
import { UpdatePersonalDataHandler } from './update-personal-data/update-personal-data.handler';
import { CloseCaseHandler } from './close-case/close-case.handler';
import { ReopenCaseHandler } from './reopen-case/reopen-case.handler';
import { RecordConsentHandler } from './record-consent/record-consent.handler';
import { WithdrawConsentHandler } from './withdraw-consent/withdraw-consent.handler';
import { RecordLegalBasisHandler } from './record-legal-basis/record-legal-basis.handler';
import { ErasePersonalDataHandler } from './erase-personal-data/erase-personal-data.handler';
import { RefuseErasureHandler } from './refuse-erasure/refuse-erasure.handler';

export { OpenCaseRequest } from './open-case/open-case.handler';
export { RecordScreeningRequest } from './record-screening/record-screening.handler';
export { RecordIdentificationRequest } from './record-identification/record-identification.handler';
export { AdvanceNrmStageRequest } from './advance-nrm-stage/advance-nrm-stage.handler';
export { AssignCaseManagerRequest } from './assign-case-manager/assign-case-manager.handler';
export { UpdatePersonalDataRequest } from './update-personal-data/update-personal-data.handler';
export { CloseCaseRequest } from './close-case/close-case.handler';
export { ReopenCaseRequest } from './reopen-case/reopen-case.handler';
export { RecordConsentRequest } from './record-consent/record-consent.handler';
export { WithdrawConsentRequest } from './withdraw-consent/withdraw-consent.handler';
export { RecordLegalBasisRequest } from './record-legal-basis/record-legal-basis.handler';
export { ErasePersonalDataRequest } from './erase-personal-data/erase-personal-data.handler';
export { RefuseErasureRequest } from './refuse-erasure/refuse-erasure.handler';

/** The case's shared executor and one command handler per use case, for the module to provide. */
export const CASE_HANDLERS = [
  CaseCommands,
  OpenCaseHandler,
  RecordScreeningHandler,
  RecordIdentificationHandler,
  AdvanceNrmStageHandler,
  AssignCaseManagerHandler,
  UpdatePersonalDataHandler,
  CloseCaseHandler,
  ReopenCaseHandler,
  RecordConsentHandler,
  WithdrawConsentHandler,
  RecordLegalBasisHandler,
  ErasePersonalDataHandler,
  RefuseErasureHandler,
];
