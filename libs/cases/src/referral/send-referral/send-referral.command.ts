import type { Base } from '../../command';
import type { ReferralService, Urgency } from '../referral.values';

/** What the sender's decision needs to know of the case and the recipient, read before deciding. */
export interface ReferralFacts {
  readonly case: {
    readonly exists: boolean;
    readonly open: boolean;
    readonly owningAgency: string | null;
    /** The case's province (the deployment's for cases opened before provinces); null when there is no case. */
    readonly province: string | null;
    readonly consent: boolean;
    readonly legalBasis: string | null;
    readonly erased: boolean;
  };
  readonly recipient: 'active' | 'inactive' | 'unknown';
  /** The recipient agency's province (the deployment's for agencies registered before provinces); absent: the case's. */
  readonly recipientProvince?: string;
}

export type SendReferral = Base<
  'SendReferral',
  {
    referralId: string;
    caseId: string;
    toAgency: string;
    service: ReferralService;
    urgency: Urgency;
    dueAt: string;
    sharesPersonalData: boolean;
    external?: { fromAgency: string };
  }
> & { readonly facts: ReferralFacts };

/** The due time the centre's defaults give a referral sent at `sentAt`. */
export function defaultDueAt(sentAt: Date, urgency: Urgency, hours: { urgent: number; normal: number }): Date {
  return new Date(sentAt.getTime() + hours[urgency] * 3600_000);
}
