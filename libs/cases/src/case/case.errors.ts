import { DomainError } from '@ruamjai/kernel';

export class CaseNotFound extends DomainError {
  readonly code = 'CASE.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(caseId: string) {
    super({ th: `ไม่พบกรณี ${caseId}`, en: `Case ${caseId} was not found` }, { caseId });
  }
}

export class CaseAlreadyExists extends DomainError {
  readonly code = 'CASE.ALREADY_EXISTS';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super({ th: `กรณี ${caseId} มีอยู่แล้ว`, en: `Case ${caseId} already exists` }, { caseId });
  }
}

export class CaseClosedError extends DomainError {
  readonly code = 'CASE.CLOSED';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super(
      {
        th: `กรณี ${caseId} ปิดแล้ว ต้องเปิดใหม่พร้อมเหตุผลก่อน`,
        en: `Case ${caseId} is closed; reopen it with a reason first`,
      },
      { caseId },
    );
  }
}

export class IllegalCaseTransition extends DomainError {
  readonly code = 'CASE.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
  constructor(caseId: string, from: string, action: string) {
    super(
      {
        th: `กรณี ${caseId} อยู่ในขั้น ${from} ทำรายการ ${action} ไม่ได้`,
        en: `Case ${caseId} is at ${from}; ${action} is not allowed there`,
      },
      { caseId, from, action },
    );
  }
}

export class CaseFieldRequired extends DomainError {
  readonly code = 'CASE.FIELD_REQUIRED';
  readonly kind = 'invalid';
  constructor(field: string) {
    super({ th: `ต้องระบุ ${field}`, en: `${field} is required` }, { field });
  }
}

export class CaseUnchanged extends DomainError {
  readonly code = 'CASE.UNCHANGED';
  readonly kind = 'conflict';
  constructor(caseId: string, what: string) {
    super({ th: `กรณี ${caseId} มี${what}นี้อยู่แล้ว`, en: `Case ${caseId} already has this ${what}` }, { caseId, what });
  }
}

export class NoConsentToWithdraw extends DomainError {
  readonly code = 'CASE.NO_CONSENT';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super(
      { th: `กรณี ${caseId} ไม่มีความยินยอมที่บันทึกไว้ให้ถอน`, en: `Case ${caseId} has no recorded consent to withdraw` },
      { caseId },
    );
  }
}

export class PersonalDataAlreadyErased extends DomainError {
  readonly code = 'PERSONAL_DATA.ERASED';
  readonly kind = 'gone';
  constructor(caseId: string) {
    super(
      { th: `ข้อมูลส่วนบุคคลของกรณี ${caseId} ถูกลบแล้ว`, en: `The personal data of case ${caseId} was erased` },
      { caseId },
    );
  }
}
