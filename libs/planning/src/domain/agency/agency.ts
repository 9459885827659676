import { DomainError, type Actor } from '@ruamjai/kernel';

/** Kinds of agency that take part in a provincial plan and receive referrals. */
export const AGENCY_TYPES = [
  'police',
  'immigration',
  'labour',
  'employment',
  'health',
  'education',
  'social_development',
  'provincial_administration',
  'district_office',
  'local_administration',
  'shelter',
  'ngo',
  'private_sector',
  'youth_council',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

interface Base<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
}

export type RegisterAgency = Base<
  'RegisterAgency',
  { code: string; nameTh: string; nameEn?: string; agencyType: AgencyType; districtCode?: string }
>;
export type RenameAgency = Base<'RenameAgency', { code: string; nameTh: string; nameEn?: string }>;
export type ChangeAgencyType = Base<'ChangeAgencyType', { code: string; agencyType: AgencyType }>;
export type ChangeAgencyDistrict = Base<'ChangeAgencyDistrict', { code: string; districtCode: string | null }>;
export type DeactivateAgency = Base<'DeactivateAgency', { code: string; reason: string }>;
export type AgencyCommand = RegisterAgency | RenameAgency | ChangeAgencyType | ChangeAgencyDistrict | DeactivateAgency;

export type AgencyEvent =
  | {
      type: 'AgencyRegistered';
      data: {
        code: string;
        nameTh: string;
        nameEn: string | null;
        agencyType: AgencyType;
        districtCode: string | null;
      };
    }
  | { type: 'AgencyRenamed'; data: { code: string; nameTh: string; nameEn: string | null } }
  | { type: 'AgencyTypeChanged'; data: { code: string; agencyType: AgencyType } }
  | { type: 'AgencyDistrictChanged'; data: { code: string; districtCode: string | null } }
  | { type: 'AgencyDeactivated'; data: { code: string; reason: string } };

export type AgencyState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'inactive';
      readonly code: string;
      readonly nameTh: string;
      readonly agencyType: AgencyType;
      readonly districtCode: string | null;
    };

export const agencyStreamId = (code: string): string => `agency-${code}`;

export class AgencyNotRegistered extends DomainError {
  readonly code = 'AGENCY.NOT_REGISTERED';
  readonly kind = 'invalid';
  constructor(agencyCode: string) {
    super(
      { th: `ไม่พบหน่วยงานรหัส ${agencyCode} ในทะเบียนหน่วยงาน`, en: `No agency ${agencyCode} is registered` },
      { agencyCode },
    );
  }
}

export class AgencyNotFound extends DomainError {
  readonly code = 'AGENCY.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(agencyCode: string) {
    super({ th: `ไม่พบหน่วยงานรหัส ${agencyCode}`, en: `Agency ${agencyCode} was not found` }, { agencyCode });
  }
}

export class AgencyInactive extends DomainError {
  readonly code = 'AGENCY.INACTIVE';
  readonly kind = 'conflict';
  constructor(agencyCode: string) {
    super({ th: `หน่วยงาน ${agencyCode} ถูกยกเลิกแล้ว`, en: `Agency ${agencyCode} is no longer active` }, { agencyCode });
  }
}

export class AgencyAlreadyRegistered extends DomainError {
  readonly code = 'AGENCY.ALREADY_REGISTERED';
  readonly kind = 'conflict';
  constructor(agencyCode: string) {
    super(
      { th: `หน่วยงานรหัส ${agencyCode} มีในทะเบียนแล้ว`, en: `Agency ${agencyCode} is already registered` },
      { agencyCode },
    );
  }
}

export class AgencyUnchanged extends DomainError {
  readonly code = 'AGENCY.UNCHANGED';
  readonly kind = 'conflict';
  constructor(agencyCode: string) {
    super(
      { th: `ข้อมูลหน่วยงาน ${agencyCode} ไม่ได้เปลี่ยน`, en: `Agency ${agencyCode} already has these details` },
      { agencyCode },
    );
  }
}

export class AgencyReasonRequired extends DomainError {
  readonly code = 'AGENCY.REASON_REQUIRED';
  readonly kind = 'invalid';
  constructor() {
    super({ th: 'ต้องระบุเหตุผลที่ยกเลิกหน่วยงาน', en: 'A reason for deactivating the agency is required' });
  }
}

/** An agency a command names must be registered and active: checked where commands name one. */
export function requireActive(agencyCode: string, state: AgencyState): void {
  if (state.status === 'unknown') throw new AgencyNotRegistered(agencyCode);
  if (state.status === 'inactive') throw new AgencyInactive(agencyCode);
}
