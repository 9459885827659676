import { DomainError } from '@ruamjai/kernel';
import type { CommitmentTarget } from './commitment.values';

export class CommitmentNotFound extends DomainError {
  readonly code = 'COMMITMENT.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(commitmentId: string) {
    super({ th: `ไม่พบข้อผูกพัน ${commitmentId}`, en: `Commitment ${commitmentId} was not found` }, { commitmentId });
  }
}

export class CommitmentAlreadyExists extends DomainError {
  readonly code = 'COMMITMENT.ALREADY_EXISTS';
  readonly kind = 'conflict';
  constructor(commitmentId: string) {
    super({ th: `ข้อผูกพัน ${commitmentId} มีอยู่แล้ว`, en: `Commitment ${commitmentId} already exists` }, { commitmentId });
  }
}

export class CommitmentClosed extends DomainError {
  readonly code = 'COMMITMENT.CLOSED';
  readonly kind = 'conflict';
  constructor(commitmentId: string, status: string) {
    super(
      {
        th: `ข้อผูกพัน ${commitmentId} ${status === 'withdrawn' ? 'ถูกถอนแล้ว' : 'ดำเนินการครบแล้ว'}`,
        en: `Commitment ${commitmentId} is ${status}`,
      },
      { commitmentId, status },
    );
  }
}

export class QuantityInvalid extends DomainError {
  readonly code = 'COMMITMENT.QUANTITY_INVALID';
  readonly kind = 'invalid';
  constructor(quantity: number, limit: { min?: number; max?: number }) {
    super(
      {
        th: `จำนวน ${quantity} ไม่ถูกต้อง${limit.max !== undefined ? ` (ไม่เกิน ${limit.max})` : ''}${limit.min !== undefined ? ` (ไม่น้อยกว่า ${limit.min})` : ''}`,
        en: `Quantity ${quantity} is not allowed${limit.max !== undefined ? ` (at most ${limit.max})` : ''}${limit.min !== undefined ? ` (at least ${limit.min})` : ''}`,
      },
      { quantity, ...limit },
    );
  }
}

export class NotPledgingAgency extends DomainError {
  readonly code = 'COMMITMENT.NOT_PLEDGING_AGENCY';
  readonly kind = 'forbidden';
  constructor(commitmentId: string, agency: string) {
    super(
      {
        th: `หน่วยงาน ${agency} ไม่ใช่ผู้ให้ข้อผูกพัน ${commitmentId}`,
        en: `Agency ${agency} did not make commitment ${commitmentId}`,
      },
      { commitmentId, agency },
    );
  }
}

export class CommitmentReasonRequired extends DomainError {
  readonly code = 'COMMITMENT.REASON_REQUIRED';
  readonly kind = 'invalid';
  constructor() {
    super({ th: 'ต้องระบุเหตุผล', en: 'A reason is required' });
  }
}

export class CommitmentTargetUnknown extends DomainError {
  readonly code = 'COMMITMENT.TARGET_UNKNOWN';
  readonly kind = 'invalid';
  constructor(target: CommitmentTarget) {
    const what = target.kind === 'case' ? `กรณี ${target.caseId}` : `โครงการ ${target.projectId} ในแผน ${target.planId}`;
    const whatEn =
      target.kind === 'case' ? `case ${target.caseId}` : `project ${target.projectId} of plan ${target.planId}`;
    super({ th: `ไม่พบ${what}`, en: `No ${whatEn} to pledge to` }, { target });
  }
}
