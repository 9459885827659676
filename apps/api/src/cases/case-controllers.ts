import { PersonalDataReadsController } from '../audit/personal-data-reads/personal-data-reads.http.controller';
import { CommitmentViewsController } from '../commitments/commitment-views/commitment-views.http.controller';
import { PledgeCommitmentController } from '../commitments/pledge-commitment/pledge-commitment.http.controller';
import { RecordFulfilmentController } from '../commitments/record-fulfilment/record-fulfilment.http.controller';
import { ReviseCommitmentController } from '../commitments/revise-commitment/revise-commitment.http.controller';
import { WithdrawCommitmentController } from '../commitments/withdraw-commitment/withdraw-commitment.http.controller';
import { DashboardsController } from '../dashboards/dashboards.http.controller';
import { AcceptReferralController } from '../referrals/accept-referral/accept-referral.http.controller';
import { CompleteReferralController } from '../referrals/complete-referral/complete-referral.http.controller';
import { DeclineReferralController } from '../referrals/decline-referral/decline-referral.http.controller';
import { ReferralViewsController } from '../referrals/referral-views/referral-views.http.controller';
import { RevokeReferralController } from '../referrals/revoke-referral/revoke-referral.http.controller';
import { SendReferralController } from '../referrals/send-referral/send-referral.http.controller';
import { StartReferralServiceController } from '../referrals/start-referral-service/start-referral-service.http.controller';
import { AdvanceNrmStageController } from './advance-nrm-stage/advance-nrm-stage.http.controller';
import { AssignCaseManagerController } from './assign-case-manager/assign-case-manager.http.controller';
import { CloseCaseController } from './close-case/close-case.http.controller';
import { ErasePersonalDataController } from './erase-personal-data/erase-personal-data.http.controller';
import { GetCasesController } from './get-cases/get-cases.http.controller';
import { OpenCaseController } from './open-case/open-case.http.controller';
import { PersonalDataController } from './personal-data/personal-data.http.controller';
import { RecordConsentController } from './record-consent/record-consent.http.controller';
import { RecordIdentificationController } from './record-identification/record-identification.http.controller';
import { RecordLegalBasisController } from './record-legal-basis/record-legal-basis.http.controller';
import { RecordScreeningController } from './record-screening/record-screening.http.controller';
import { RefuseErasureController } from './refuse-erasure/refuse-erasure.http.controller';
import { ReopenCaseController } from './reopen-case/reopen-case.http.controller';
import { UpdatePersonalDataController } from './update-personal-data/update-personal-data.http.controller';
import { WithdrawConsentController } from './withdraw-consent/withdraw-consent.http.controller';

/**
 * Case work's HTTP surface, listed once so the app module takes it in one line. The order is the
 * OpenAPI document's (paths and schemas in the order first met): keep it, or the console's client changes.
 */
export const CASE_CONTROLLERS = [
  OpenCaseController,
  GetCasesController,
  RecordScreeningController,
  RecordIdentificationController,
  AdvanceNrmStageController,
  AssignCaseManagerController,
  CloseCaseController,
  ReopenCaseController,
  UpdatePersonalDataController,
  RecordConsentController,
  WithdrawConsentController,
  RecordLegalBasisController,
  ErasePersonalDataController,
  RefuseErasureController,
  PersonalDataController,
  PersonalDataReadsController,
  SendReferralController,
  ReferralViewsController,
  AcceptReferralController,
  DeclineReferralController,
  StartReferralServiceController,
  CompleteReferralController,
  RevokeReferralController,
  PledgeCommitmentController,
  RecordFulfilmentController,
  ReviseCommitmentController,
  WithdrawCommitmentController,
  CommitmentViewsController,
  DashboardsController,
];
