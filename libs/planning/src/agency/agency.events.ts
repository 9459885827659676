import type { AgencyType } from './agency.state';

export type AgencyEvent =
  | {
      type: 'AgencyRegistered';
      data: {
        code: string;
        nameTh: string;
        nameEn: string | null;
        agencyType: AgencyType;
        districtCode: string | null;
        /** The registering coordinator's province; absent on agencies registered before provinces (the deployment's). */
        province?: string;
      };
    }
  | { type: 'AgencyRenamed'; data: { code: string; nameTh: string; nameEn: string | null } }
  | { type: 'AgencyTypeChanged'; data: { code: string; agencyType: AgencyType } }
  | { type: 'AgencyDistrictChanged'; data: { code: string; districtCode: string | null } }
  | { type: 'AgencyDeactivated'; data: { code: string; reason: string } };
