import { AgencyInactive, AgencyNotRegistered } from './agency.errors';
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
