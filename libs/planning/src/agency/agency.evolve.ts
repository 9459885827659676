import type { AgencyEvent } from './agency.events';
import type { AgencyState } from './agency.state';

/** state + event -> state: what the directory knows of one agency. */
export function evolveAgency(state: AgencyState, event: AgencyEvent): AgencyState {
  switch (event.type) {
    case 'AgencyRegistered':
      return {
        status: 'active',
        code: event.data.code,
        nameTh: event.data.nameTh,
        nameEn: event.data.nameEn,
        agencyType: event.data.agencyType,
        districtCode: event.data.districtCode,
        province: event.data.province ?? null,
      };
    case 'AgencyRenamed':
      return state.status === 'unknown' ? state : { ...state, nameTh: event.data.nameTh, nameEn: event.data.nameEn };
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
