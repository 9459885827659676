import type { OpenCase } from './open-case/open-case.command';
import type { RecordScreening } from './record-screening/record-screening.command';
import type { RecordIdentification } from './record-identification/record-identification.command';
import type { AdvanceNrmStage } from './advance-nrm-stage/advance-nrm-stage.command';
import type { AssignCaseManager } from './assign-case-manager/assign-case-manager.command';
import type { UpdatePersonalData } from './update-personal-data/update-personal-data.command';
import type { CloseCase } from './close-case/close-case.command';
import type { ReopenCase } from './reopen-case/reopen-case.command';
import type { RecordConsent } from './record-consent/record-consent.command';
import type { WithdrawConsent } from './withdraw-consent/withdraw-consent.command';
import type { RecordLegalBasis } from './record-legal-basis/record-legal-basis.command';
import type { ErasePersonalData } from './erase-personal-data/erase-personal-data.command';
import type { RefuseErasure } from './refuse-erasure/refuse-erasure.command';

export type { OpenCase } from './open-case/open-case.command';
export type { RecordScreening } from './record-screening/record-screening.command';
export type { RecordIdentification } from './record-identification/record-identification.command';
export type { AdvanceNrmStage } from './advance-nrm-stage/advance-nrm-stage.command';
export type { AssignCaseManager } from './assign-case-manager/assign-case-manager.command';
export type { UpdatePersonalData } from './update-personal-data/update-personal-data.command';
export type { CloseCase } from './close-case/close-case.command';
export type { ReopenCase } from './reopen-case/reopen-case.command';
export type { RecordConsent } from './record-consent/record-consent.command';
export type { WithdrawConsent } from './withdraw-consent/withdraw-consent.command';
export type { RecordLegalBasis } from './record-legal-basis/record-legal-basis.command';
export type { ErasePersonalData } from './erase-personal-data/erase-personal-data.command';
export type { RefuseErasure } from './refuse-erasure/refuse-erasure.command';

/** Every command a case takes, one per use-case folder. */
export type CaseCommand =
  | OpenCase
  | RecordScreening
  | RecordIdentification
  | AdvanceNrmStage
  | AssignCaseManager
  | UpdatePersonalData
  | CloseCase
  | ReopenCase
  | RecordConsent
  | WithdrawConsent
  | RecordLegalBasis
  | ErasePersonalData
  | RefuseErasure;
