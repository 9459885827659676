import { DomainError, THAI_PROVINCES } from '@ruamjai/kernel';

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

export class AgencyDistrictOutsideProvince extends DomainError {
  readonly code = 'AGENCY.DISTRICT_OUTSIDE_PROVINCE';
  readonly kind = 'invalid';
  constructor(agencyCode: string, districtCode: string, province: string) {
    const name = THAI_PROVINCES[province] ?? { th: province, en: province };
    super(
      {
        th: `อำเภอรหัส ${districtCode} ไม่อยู่ในจังหวัด${name.th} (${province}) ซึ่งเป็นจังหวัดของหน่วยงาน ${agencyCode}`,
        en: `District ${districtCode} is not in ${name.en} (${province}), the province of agency ${agencyCode}`,
      },
      { agencyCode, districtCode, province },
    );
  }
}
