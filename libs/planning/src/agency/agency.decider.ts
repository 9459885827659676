import type { Decider } from '@ruamjai/kernel';
import type { AgencyCommand } from './agency.commands';
import type { AgencyEvent } from './agency.events';
import { evolveAgency } from './agency.evolve';
import type { AgencyState } from './agency.state';
import { decideChangeAgencyDistrict } from './change-agency-district/change-agency-district.decide';
import { decideChangeAgencyType } from './change-agency-type/change-agency-type.decide';
import { decideDeactivateAgency } from './deactivate-agency/deactivate-agency.decide';
import { decideRegisterAgency } from './register-agency/register-agency.decide';
import { decideRenameAgency } from './rename-agency/rename-agency.decide';

/** Hands each command to its use case; the rules are there. */
function decide(command: AgencyCommand, state: AgencyState): AgencyEvent[] {
  switch (command.type) {
    case 'RegisterAgency':
      return decideRegisterAgency(command, state);
    case 'RenameAgency':
      return decideRenameAgency(command, state);
    case 'ChangeAgencyType':
      return decideChangeAgencyType(command, state);
    case 'ChangeAgencyDistrict':
      return decideChangeAgencyDistrict(command, state);
    case 'DeactivateAgency':
      return decideDeactivateAgency(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const agencyDecider: Decider<AgencyCommand, AgencyState, AgencyEvent> = {
  initialState: { status: 'unknown' },
  decide,
  evolve: evolveAgency,
};

export const agencyStreamId = (code: string): string => `agency-${code}`;
