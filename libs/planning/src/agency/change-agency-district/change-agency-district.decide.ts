import type { AgencyCommandBase } from '../agency.command-base';
import { AgencyUnchanged } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState } from '../agency.state';
import { activeAgency, districtInProvince } from '../guards';

export type ChangeAgencyDistrict = AgencyCommandBase<
  'ChangeAgencyDistrict',
  { code: string; districtCode: string | null }
>;

export function decideChangeAgencyDistrict(
  { data, deploymentProvince }: ChangeAgencyDistrict,
  state: AgencyState,
): AgencyEvent[] {
  const { code } = data;
  const agency = activeAgency(state, code);
  if (agency.districtCode === data.districtCode) throw new AgencyUnchanged(code);
  // An agency moves within its province; moving it to another is not a change of district.
  districtInProvince(code, data.districtCode, agency.province ?? deploymentProvince);
  return [{ type: 'AgencyDistrictChanged', data: { code, districtCode: data.districtCode } }];
}
