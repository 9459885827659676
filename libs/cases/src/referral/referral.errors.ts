import { DomainError } from '@ruamjai/kernel';

export class ReferralNotFound extends DomainError {
  readonly code = 'REFERRAL.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(referralId: string) {
    super({ th: `ไม่พบการส่งต่อ ${referralId}`, en: `Referral ${referralId} was not found` }, { referralId });
  }
}

export class ReferralAlreadyExists extends DomainError {
  readonly code = 'REFERRAL.ALREADY_EXISTS';
  readonly kind = 'conflict';
  constructor(referralId: string) {
    super({ th: `การส่งต่อ ${referralId} มีอยู่แล้ว`, en: `Referral ${referralId} already exists` }, { referralId });
  }
}

export class IllegalReferralTransition extends DomainError {
  readonly code = 'REFERRAL.ILLEGAL_TRANSITION';
  readonly kind = 'conflict';
  constructor(referralId: string, from: string, action: string) {
    super(
      {
        th: `การส่งต่อ ${referralId} มีสถานะ ${from} ทำรายการ ${action} ไม่ได้`,
        en: `Referral ${referralId} is ${from}; ${action} is not allowed`,
      },
      { referralId, from, action },
    );
  }
}

export class NotReferralParty extends DomainError {
  readonly code = 'REFERRAL.NOT_PARTY';
  readonly kind = 'forbidden';
  constructor(referralId: string, agency: string, party: 'sender' | 'recipient') {
    super(
      {
        th: `หน่วยงาน ${agency} ไม่ใช่${party === 'sender' ? 'ผู้ส่ง' : 'ผู้รับ'}การส่งต่อ ${referralId}`,
        en: `Agency ${agency} is not the ${party} of referral ${referralId}`,
      },
      { referralId, agency, party },
    );
  }
}

export class ConsentOrLegalBasisRequired extends DomainError {
  readonly code = 'REFERRAL.CONSENT_OR_LEGAL_BASIS_REQUIRED';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super(
      {
        th: `การส่งต่อที่เปิดเผยข้อมูลส่วนบุคคลของกรณี ${caseId} ต้องมีความยินยอมของผู้เสียหาย หรือฐานทางกฎหมายที่บันทึกไว้ก่อน (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล ม.24, ม.26)`,
        en: `A referral that shares the personal data of case ${caseId} needs the person's recorded consent or a recorded legal basis (PDPA s.24, s.26)`,
      },
      { caseId },
    );
  }
}

export class ReferralCaseNotOpen extends DomainError {
  readonly code = 'REFERRAL.CASE_NOT_OPEN';
  readonly kind = 'conflict';
  constructor(caseId: string, why: 'not_found' | 'closed') {
    super(
      {
        th: why === 'not_found' ? `ไม่พบกรณี ${caseId}` : `กรณี ${caseId} ปิดแล้ว ส่งต่อไม่ได้`,
        en: why === 'not_found' ? `Case ${caseId} was not found` : `Case ${caseId} is closed; it cannot be referred`,
      },
      { caseId, why },
    );
  }
}

export class RecipientNotAvailable extends DomainError {
  readonly code = 'REFERRAL.RECIPIENT_NOT_AVAILABLE';
  readonly kind = 'invalid';
  constructor(agency: string, why: 'unknown' | 'inactive' | 'self') {
    super(
      {
        th:
          why === 'self'
            ? `ส่งต่อให้หน่วยงานตนเอง (${agency}) ไม่ได้`
            : `หน่วยงาน ${agency} ${why === 'unknown' ? 'ไม่อยู่ในทะเบียน' : 'ถูกยกเลิกแล้ว'}`,
        en:
          why === 'self'
            ? `An agency (${agency}) cannot refer to itself`
            : `Agency ${agency} is ${why === 'unknown' ? 'not registered' : 'no longer active'}`,
      },
      { agency, why },
    );
  }
}

export class NotCaseOwner extends DomainError {
  readonly code = 'REFERRAL.NOT_CASE_OWNER';
  readonly kind = 'forbidden';
  constructor(caseId: string, agency: string) {
    super(
      { th: `หน่วยงาน ${agency} ไม่ใช่เจ้าของกรณี ${caseId}`, en: `Agency ${agency} does not own case ${caseId}` },
      { caseId, agency },
    );
  }
}

export class DueTimeInPast extends DomainError {
  readonly code = 'REFERRAL.DUE_TIME_IN_PAST';
  readonly kind = 'invalid';
  constructor(dueAt: string) {
    super({ th: `กำหนดตอบรับ ${dueAt} ผ่านไปแล้ว`, en: `The due time ${dueAt} has already passed` }, { dueAt });
  }
}

export class ReasonRequired extends DomainError {
  readonly code = 'REFERRAL.REASON_REQUIRED';
  readonly kind = 'invalid';
  constructor() {
    super({ th: 'ต้องระบุเหตุผล', en: 'A reason is required' });
  }
}

export class NotYetOverdue extends DomainError {
  readonly code = 'REFERRAL.NOT_OVERDUE';
  readonly kind = 'conflict';
  constructor(referralId: string, reason: 'not_due' | 'acknowledged' | 'already_marked') {
    super(
      {
        th: `การส่งต่อ ${referralId} ยังไม่เกินกำหนด หรือบันทึกไปแล้ว`,
        en: `Referral ${referralId} is not overdue (${reason})`,
      },
      { referralId, reason },
    );
  }
}

/** An inbound referral names its sender: it must be an agency in the directory, and still active. */
export class InboundSenderNotAvailable extends DomainError {
  readonly code = 'REFERRAL.SENDER_NOT_AVAILABLE';
  readonly kind = 'invalid';
  constructor(agency: string, why: 'unknown' | 'inactive') {
    super(
      {
        th: `หน่วยงานผู้ส่ง ${agency} ${why === 'unknown' ? 'ไม่อยู่ในทะเบียน' : 'ถูกยกเลิกแล้ว'} จึงรับการส่งต่อนี้ไม่ได้`,
        en: `The sending agency ${agency} is ${why === 'unknown' ? 'not registered' : 'no longer active'}; the referral cannot be taken`,
      },
      { agency, why },
    );
  }
}
