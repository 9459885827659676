import { DomainError } from '@ruamjai/kernel';
import type { Base } from '../command';
import type { ReferralStatus } from '../referral/referral';

/** What an agency can pledge. Budget is in satang; the rest are counts. */
export const RESOURCES = ['staff_days', 'budget_satang', 'shelter_beds', 'vehicles', 'interpreters'] as const;
export type Resource = (typeof RESOURCES)[number];

export type CommitmentTarget =
  | { readonly kind: 'project'; readonly planId: string; readonly projectId: string }
  | { readonly kind: 'case'; readonly caseId: string };

/** Who has need-to-know on a case: its owning agency and the agencies its referrals went to (the access rule's facts). */
export interface CaseParties {
  readonly owningAgency: string;
  readonly referrals: ReadonlyArray<{
    readonly toAgency: string;
    readonly status: ReferralStatus;
    readonly sharesPersonalData: boolean;
  }>;
}

export type PledgeCommitment = Base<
  'PledgeCommitment',
  { commitmentId: string; target: CommitmentTarget; resource: Resource; quantity: number; dueOn: string }
> & {
  /**
   * Whether the plan project or case pledged to exists, read before deciding; for a case, also who
   * has need-to-know on it (its owning agency and the agencies its referrals went to).
   */
  readonly facts: { readonly targetExists: boolean; readonly caseAccess?: CaseParties };
};
export type RecordFulfilment = Base<
  'RecordFulfilment',
  { commitmentId: string; quantity: number; fulfilledOn: string }
>;
export type ReviseCommitment = Base<
  'ReviseCommitment',
  { commitmentId: string; quantity: number; dueOn: string; reason: string }
>;
export type WithdrawCommitment = Base<'WithdrawCommitment', { commitmentId: string; reason: string }>;
export type CommitmentCommand = PledgeCommitment | RecordFulfilment | ReviseCommitment | WithdrawCommitment;

export type CommitmentEvent =
  | {
      type: 'CommitmentPledged';
      data: {
        commitmentId: string;
        agency: string;
        target: CommitmentTarget;
        resource: Resource;
        quantity: number;
        dueOn: string;
      };
    }
  | {
      type: 'CommitmentFulfilled';
      data: { commitmentId: string; quantity: number; fulfilledTotal: number; fulfilledOn: string; complete: boolean };
    }
  | {
      type: 'CommitmentRevised';
      data: {
        commitmentId: string;
        previousQuantity: number;
        quantity: number;
        previousDueOn: string;
        dueOn: string;
        reason: string;
      };
    }
  | { type: 'CommitmentWithdrawn'; data: { commitmentId: string; reason: string } };

export const COMMITMENT_EVENT_TYPES: ReadonlySet<string> = new Set<CommitmentEvent['type']>([
  'CommitmentPledged',
  'CommitmentFulfilled',
  'CommitmentRevised',
  'CommitmentWithdrawn',
]);

export type CommitmentState =
  | { readonly status: 'none' }
  | {
      readonly status: 'pledged' | 'fulfilled' | 'withdrawn';
      readonly commitmentId: string;
      readonly agency: string;
      readonly targetKind: CommitmentTarget['kind'];
      readonly quantity: number;
      readonly fulfilled: number;
      readonly dueOn: string;
    };

export const commitmentStreamId = (commitmentId: string): string => `commitment-${commitmentId}`;

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
