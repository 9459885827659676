import type { AgencyCommandBase } from '../agency.command-base';
import { AgencyUnchanged } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState, AgencyType } from '../agency.state';
import { activeAgency } from '../guards';

export type ChangeAgencyType = AgencyCommandBase<'ChangeAgencyType', { code: string; agencyType: AgencyType }>;

export function decideChangeAgencyType({ data }: ChangeAgencyType, state: AgencyState): AgencyEvent[] {
  const { code } = data;
  const agency = activeAgency(state, code);
  if (agency.agencyType === data.agencyType) throw new AgencyUnchanged(code);
  return [{ type: 'AgencyTypeChanged', data: { code, agencyType: data.agencyType } }];
}
