import type { AgencyCommandBase } from '../agency.command-base';
import { AgencyUnchanged } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState } from '../agency.state';
import { activeAgency } from '../guards';

export type ChangeAgencyDistrict = AgencyCommandBase<
  'ChangeAgencyDistrict',
  { code: string; districtCode: string | null }
>;

export function decideChangeAgencyDistrict({ data }: ChangeAgencyDistrict, state: AgencyState): AgencyEvent[] {
  const { code } = data;
  const agency = activeAgency(state, code);
  if (agency.districtCode === data.districtCode) throw new AgencyUnchanged(code);
  return [{ type: 'AgencyDistrictChanged', data: { code, districtCode: data.districtCode } }];
}
