import { AgencyCommands } from './agency.commands.handler';
import { RegisterAgencyHandler } from './register-agency/register-agency.handler';
import { RenameAgencyHandler } from './rename-agency/rename-agency.handler';
import { ChangeAgencyTypeHandler } from './change-agency-type/change-agency-type.handler';
import { ChangeAgencyDistrictHandler } from './change-agency-district/change-agency-district.handler';
import { DeactivateAgencyHandler } from './deactivate-agency/deactivate-agency.handler';

/** The agency directory's command handlers and the executor they share, for the planning module to provide. */
export const AGENCY_HANDLERS = [
  AgencyCommands,
  RegisterAgencyHandler,
  RenameAgencyHandler,
  ChangeAgencyTypeHandler,
  ChangeAgencyDistrictHandler,
  DeactivateAgencyHandler,
];
