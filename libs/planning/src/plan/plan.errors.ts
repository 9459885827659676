import { DomainError } from '@ruamjai/kernel';

export class PlanNotFound extends DomainError {
  readonly code = 'PLAN.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(planId: string) {
    super({ th: `ไม่พบแผนปฏิบัติการ ${planId}`, en: `Plan ${planId} was not found` }, { planId });
  }
}

export class PlanAlreadyExists extends DomainError {
  readonly code = 'PLAN.ALREADY_EXISTS';
  readonly kind = 'conflict';
  constructor(planId: string) {
    super({ th: `แผนปฏิบัติการ ${planId} มีอยู่แล้ว`, en: `Plan ${planId} already exists` }, { planId });
  }
}

export class UnknownProvince extends DomainError {
  readonly code = 'PLAN.UNKNOWN_PROVINCE';
  readonly kind = 'invalid';
  constructor(provinceCode: string) {
    super({ th: `ไม่รู้จักรหัสจังหวัด ${provinceCode}`, en: `Unknown province code ${provinceCode}` }, { provinceCode });
  }
}

export class PlanOutsideProvince extends DomainError {
  readonly code = 'PLAN.OUTSIDE_PROVINCE';
  readonly kind = 'forbidden';
  constructor(provinceCode: string, actorProvince: string) {
    super(
      {
        th: `ร่างแผนได้เฉพาะจังหวัดของตนเอง (${actorProvince}) ไม่ใช่ ${provinceCode}`,
        en: `A plan may be drafted only for your own province (${actorProvince}), not ${provinceCode}`,
      },
      { provinceCode, actorProvince },
    );
  }
}

export class FiscalYearOutOfRange extends DomainError {
  readonly code = 'PLAN.FISCAL_YEAR_OUT_OF_RANGE';
  readonly kind = 'invalid';
  constructor(fiscalYear: number, earliest: number, latest: number) {
    super(
      {
        th: `ปีงบประมาณ พ.ศ. ${fiscalYear} อยู่นอกช่วงที่รับได้ (${earliest}–${latest})`,
        en: `Fiscal year B.E. ${fiscalYear} is outside the accepted range (${earliest}–${latest})`,
      },
      { fiscalYear, earliest, latest },
    );
  }
}

export class DistrictNotInProvince extends DomainError {
  readonly code = 'PLAN.DISTRICT_NOT_IN_PROVINCE';
  readonly kind = 'invalid';
  constructor(districtCodes: string[], provinceCode: string) {
    super(
      {
        th: `อำเภอ ${districtCodes.join(', ')} ไม่อยู่ในจังหวัดของแผน (${provinceCode})`,
        en: `District(s) ${districtCodes.join(', ')} are not in the plan's province (${provinceCode})`,
      },
      { districtCodes, provinceCode },
    );
  }
}

export class ProjectAlreadyExists extends DomainError {
  readonly code = 'PLAN.PROJECT_ALREADY_EXISTS';
  readonly kind = 'conflict';
  constructor(projectId: string) {
    super({ th: `โครงการ ${projectId} มีอยู่ในแผนแล้ว`, en: `Project ${projectId} is already in the plan` }, { projectId });
  }
}

export class ProjectNotFound extends DomainError {
  readonly code = 'PLAN.PROJECT_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(projectId: string) {
    super({ th: `ไม่พบโครงการ ${projectId} ในแผน`, en: `Project ${projectId} is not in the plan` }, { projectId });
  }
}

export class InvalidBudget extends DomainError {
  readonly code = 'PLAN.INVALID_BUDGET';
  readonly kind = 'invalid';
  constructor(amount: number) {
    super(
      {
        th: `งบประมาณต้องเป็นจำนวนเต็มสตางค์ที่ไม่ติดลบ (ได้รับ ${amount})`,
        en: `A budget must be a non-negative whole number of satang (got ${amount})`,
      },
      { amount },
    );
  }
}

export class BudgetUnchanged extends DomainError {
  readonly code = 'PLAN.BUDGET_UNCHANGED';
  readonly kind = 'conflict';
  constructor(projectId: string, amount: number) {
    super(
      {
        th: `งบประมาณของโครงการ ${projectId} เป็น ${amount} สตางค์อยู่แล้ว`,
        en: `Project ${projectId} already has a budget of ${amount} satang`,
      },
      { projectId, amount },
    );
  }
}

export class ReasonRequired extends DomainError {
  readonly code = 'PLAN.REASON_REQUIRED';
  readonly kind = 'invalid';
  constructor() {
    super({ th: 'ต้องระบุเหตุผลของการแก้ไข', en: 'A reason for the change is required' });
  }
}

export class IllegalTransition extends DomainError {
  readonly code = 'PLAN.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
  constructor(status: string, command: string) {
    super(
      { th: `แผนที่อยู่ในสถานะ ${status} ทำรายการ ${command} ไม่ได้`, en: `A plan that is ${status} cannot take ${command}` },
      { planStatus: status, command },
    );
  }
}

export class PlanNotEditable extends DomainError {
  readonly code = 'PLAN.NOT_EDITABLE';
  readonly kind = 'conflict';
  constructor(status: string) {
    super(
      { th: `แผนที่อยู่ในสถานะ ${status} แก้ไขไม่ได้`, en: `A plan that is ${status} cannot be changed` },
      { planStatus: status },
    );
  }
}

export class PlanHasNoProjects extends DomainError {
  readonly code = 'PLAN.NO_PROJECTS';
  readonly kind = 'conflict';
  constructor() {
    super({ th: 'ยังไม่มีโครงการในแผน จึงเสนอขออนุมัติไม่ได้', en: 'A plan with no projects cannot be submitted' });
  }
}

export class FiscalYearNotOver extends DomainError {
  readonly code = 'PLAN.FISCAL_YEAR_NOT_OVER';
  readonly kind = 'conflict';
  constructor(fiscalYear: number, end: string) {
    super(
      {
        th: `ปิดแผนได้หลังสิ้นปีงบประมาณ พ.ศ. ${fiscalYear} (${end}) เท่านั้น`,
        en: `The plan can be closed only after fiscal year B.E. ${fiscalYear} ends (${end})`,
      },
      { fiscalYear, end },
    );
  }
}

export class MeetingReferenceInvalid extends DomainError {
  readonly code = 'PLAN.MEETING_REFERENCE_INVALID';
  readonly kind = 'invalid';
  constructor(reference: string) {
    super(
      {
        th: `เลขการประชุม "${reference}" ต้องอยู่ในรูป ครั้งที่ N/ปี พ.ศ. เช่น ครั้งที่ 1/2562`,
        en: `Meeting reference "${reference}" must look like ครั้งที่ 1/2562`,
      },
      { reference },
    );
  }
}

export class FundRequestNotFound extends DomainError {
  readonly code = 'FUND.REQUEST_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(requestId: string) {
    super(
      { th: `ไม่พบคำขอรับการสนับสนุนจากกองทุน ${requestId}`, en: `Fund request ${requestId} was not found` },
      { requestId },
    );
  }
}

export class FundRequestAlreadyExists extends DomainError {
  readonly code = 'FUND.REQUEST_ALREADY_EXISTS';
  readonly kind = 'conflict';
  constructor(requestId: string) {
    super({ th: `คำขอ ${requestId} มีอยู่แล้ว`, en: `Fund request ${requestId} already exists` }, { requestId });
  }
}

export class FundRequestIllegalTransition extends DomainError {
  readonly code = 'FUND.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
  constructor(status: string, command: string) {
    super(
      {
        th: `คำขอที่อยู่ในสถานะ ${status} ทำรายการ ${command} ไม่ได้`,
        en: `A ${status} Fund request cannot take ${command}`,
      },
      { planStatus: status, command },
    );
  }
}

export class FundAmountInvalid extends DomainError {
  readonly code = 'FUND.AMOUNT_INVALID';
  readonly kind = 'invalid';
  constructor(amount: number, limit: number, what: string) {
    super(
      {
        th: `จำนวนเงิน ${amount} สตางค์ไม่ถูกต้อง (${what} ต้องมากกว่า 0 และไม่เกิน ${limit} สตางค์)`,
        en: `${amount} satang is not a valid ${what}: more than 0 and at most ${limit}`,
      },
      { amount, limit },
    );
  }
}

/** A revision the plan has not reached: the plan as of it cannot be shown. */
export class PlanRevisionNotFound extends DomainError {
  readonly code = 'PLAN.REVISION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(planId: string, revision: number, latest: number) {
    super(
      {
        th: `แผน ${planId} ยังไม่มีรุ่นที่ ${revision} (รุ่นล่าสุดคือ ${latest})`,
        en: `Plan ${planId} has no revision ${revision} (its latest is ${latest})`,
      },
      { planId, revision, latestRevision: latest },
    );
  }
}
