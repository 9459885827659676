import { PersonalDataReadsController } from '../audit/personal-data-reads/personal-data-reads.http.controller';
import { CommitmentsController } from '../commitments/commitments.http.controller';
import { DashboardsController } from '../dashboards/dashboards.http.controller';
import { ReferralLifecycleController } from '../referrals/referral-lifecycle/referral-lifecycle.http.controller';
import { ReferralViewsController } from '../referrals/referral-views/referral-views.http.controller';
import { SendReferralController } from '../referrals/send-referral/send-referral.http.controller';
import { CaseLifecycleController } from './case-lifecycle/case-lifecycle.http.controller';
import { GetCasesController } from './get-cases/get-cases.http.controller';
import { OpenCaseController } from './open-case/open-case.http.controller';
import { PersonalDataController } from './personal-data/personal-data.http.controller';

/** Case work's HTTP surface, listed once so the app module takes it in one line. */
export const CASE_CONTROLLERS = [
  OpenCaseController,
  GetCasesController,
  CaseLifecycleController,
  PersonalDataController,
  PersonalDataReadsController,
  SendReferralController,
  ReferralViewsController,
  ReferralLifecycleController,
  CommitmentsController,
  DashboardsController,
];
