/** Every change to the agency directory: the union of the use cases' commands, each in its own folder. */
import type { ChangeAgencyDistrict } from './change-agency-district/change-agency-district.decide';
import type { ChangeAgencyType } from './change-agency-type/change-agency-type.decide';
import type { DeactivateAgency } from './deactivate-agency/deactivate-agency.decide';
import type { RegisterAgency } from './register-agency/register-agency.decide';
import type { RenameAgency } from './rename-agency/rename-agency.decide';

export type { ChangeAgencyDistrict, ChangeAgencyType, DeactivateAgency, RegisterAgency, RenameAgency };

export type AgencyCommand = RegisterAgency | RenameAgency | ChangeAgencyType | ChangeAgencyDistrict | DeactivateAgency;
