import { AgencyDirectoryController } from './agency-directory.http.controller';
import { ChangeAgencyDistrictController } from './change-agency-district/change-agency-district.http.controller';
import { ChangeAgencyTypeController } from './change-agency-type/change-agency-type.http.controller';
import { DeactivateAgencyController } from './deactivate-agency/deactivate-agency.http.controller';
import { RegisterAgencyController } from './register-agency/register-agency.http.controller';
import { RenameAgencyController } from './rename-agency/rename-agency.http.controller';

/** The agency directory's HTTP surface: its changes, one controller each, then its reads (in the OpenAPI document's order). */
export const AGENCY_CONTROLLERS = [
  RegisterAgencyController,
  RenameAgencyController,
  ChangeAgencyTypeController,
  ChangeAgencyDistrictController,
  DeactivateAgencyController,
  AgencyDirectoryController,
];
