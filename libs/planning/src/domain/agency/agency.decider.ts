import type { Decider } from '@ruamjai/kernel';
import {
  AgencyAlreadyRegistered,
  AgencyInactive,
  AgencyNotRegistered,
  AgencyReasonRequired,
  AgencyUnchanged,
  type AgencyCommand,
  type AgencyEvent,
  type AgencyState,
} from './agency';

type Known = Exclude<AgencyState, { status: 'unknown' }>;

function active(state: AgencyState, code: string): Known {
  if (state.status === 'unknown') throw new AgencyNotRegistered(code);
  if (state.status === 'inactive') throw new AgencyInactive(code);
  return state;
}

function decide(command: AgencyCommand, state: AgencyState): AgencyEvent[] {
  const { code } = command.data;
  switch (command.type) {
    case 'RegisterAgency': {
      if (state.status !== 'unknown') throw new AgencyAlreadyRegistered(code);
      const { nameTh, nameEn, agencyType, districtCode } = command.data;
      return [
        {
          type: 'AgencyRegistered',
          data: {
            code,
            nameTh: nameTh.trim(),
            nameEn: nameEn?.trim() || null,
            agencyType,
            districtCode: districtCode ?? null,
          },
        },
      ];
    }
    case 'RenameAgency': {
      const agency = active(state, code);
      if (agency.nameTh === command.data.nameTh.trim()) throw new AgencyUnchanged(code);
      return [
        {
          type: 'AgencyRenamed',
          data: { code, nameTh: command.data.nameTh.trim(), nameEn: command.data.nameEn?.trim() || null },
        },
      ];
    }
    case 'ChangeAgencyType': {
      const agency = active(state, code);
      if (agency.agencyType === command.data.agencyType) throw new AgencyUnchanged(code);
      return [{ type: 'AgencyTypeChanged', data: { code, agencyType: command.data.agencyType } }];
    }
    case 'ChangeAgencyDistrict': {
      const agency = active(state, code);
      if (agency.districtCode === command.data.districtCode) throw new AgencyUnchanged(code);
      return [{ type: 'AgencyDistrictChanged', data: { code, districtCode: command.data.districtCode } }];
    }
    case 'DeactivateAgency': {
      active(state, code);
      if (!command.data.reason?.trim()) throw new AgencyReasonRequired();
      return [{ type: 'AgencyDeactivated', data: { code, reason: command.data.reason.trim() } }];
    }
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function evolve(state: AgencyState, event: AgencyEvent): AgencyState {
  switch (event.type) {
    case 'AgencyRegistered':
      return {
        status: 'active',
        code: event.data.code,
        nameTh: event.data.nameTh,
        agencyType: event.data.agencyType,
        districtCode: event.data.districtCode,
      };
    case 'AgencyRenamed':
      return state.status === 'unknown' ? state : { ...state, nameTh: event.data.nameTh };
    case 'AgencyTypeChanged':
      return state.status === 'unknown' ? state : { ...state, agencyType: event.data.agencyType };
    case 'AgencyDistrictChanged':
      return state.status === 'unknown' ? state : { ...state, districtCode: event.data.districtCode };
    case 'AgencyDeactivated':
      return state.status === 'unknown' ? state : { ...state, status: 'inactive' };
    default: {
      const _: never = event;
      return state;
    }
  }
}

export const agencyDecider: Decider<AgencyCommand, AgencyState, AgencyEvent> = {
  initialState: { status: 'unknown' },
  decide,
  evolve,
};
