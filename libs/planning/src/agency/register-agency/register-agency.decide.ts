import type { AgencyCommandBase } from '../agency.command-base';
import { AgencyAlreadyRegistered } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState, AgencyType } from '../agency.state';

export type RegisterAgency = AgencyCommandBase<
  'RegisterAgency',
  { code: string; nameTh: string; nameEn?: string; agencyType: AgencyType; districtCode?: string }
>;

export function decideRegisterAgency({ data }: RegisterAgency, state: AgencyState): AgencyEvent[] {
  const { code, nameTh, nameEn, agencyType, districtCode } = data;
  if (state.status !== 'unknown') throw new AgencyAlreadyRegistered(code);
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
