import { AgencyDistrictOutsideProvince, AgencyInactive, AgencyNotRegistered } from './agency.errors';
import type { AgencyState } from './agency.state';

/** A registered agency: active or deactivated. */
export type KnownAgency = Exclude<AgencyState, { status: 'unknown' }>;

/** An agency a command names must be registered and active: checked where commands name one. */
export function requireActive(agencyCode: string, state: AgencyState): void {
  if (state.status === 'unknown') throw new AgencyNotRegistered(agencyCode);
  if (state.status === 'inactive') throw new AgencyInactive(agencyCode);
}

/** The agency a command changes: registered and still active. */
export function activeAgency(state: AgencyState, code: string): KnownAgency {
  if (state.status === 'unknown') throw new AgencyNotRegistered(code);
  if (state.status === 'inactive') throw new AgencyInactive(code);
  return state;
}

/**
 * An agency serves districts of its own province: a district geocode's first two digits are its
 * province's number (2706 Aranyaprathet is in TH-27 Sa Kaeo).
 */
export function districtInProvince(code: string, districtCode: string | null, province: string): void {
  if (districtCode !== null && districtCode.slice(0, 2) !== province.slice(3))
    throw new AgencyDistrictOutsideProvince(code, districtCode, province);
}
