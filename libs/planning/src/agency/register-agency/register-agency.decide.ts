import type { AgencyCommandBase } from '../agency.command-base';
import { AgencyAlreadyRegistered } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState, AgencyType } from '../agency.state';
import { districtInProvince } from '../guards';

export type RegisterAgency = AgencyCommandBase<
  'RegisterAgency',
  { code: string; nameTh: string; nameEn?: string; agencyType: AgencyType; districtCode?: string }
>;

/** An agency belongs to the province of the coordinator who registers it, and serves a district of it. */
export function decideRegisterAgency({ data, actor }: RegisterAgency, state: AgencyState): AgencyEvent[] {
  const { code, nameTh, nameEn, agencyType, districtCode } = data;
  if (state.status !== 'unknown') throw new AgencyAlreadyRegistered(code);
  districtInProvince(code, districtCode ?? null, actor.province);
  return [
    {
      type: 'AgencyRegistered',
      data: {
        code,
        nameTh: nameTh.trim(),
        nameEn: nameEn?.trim() || null,
        agencyType,
        districtCode: districtCode ?? null,
        province: actor.province,
      },
    },
  ];
}
