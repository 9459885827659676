import type { Urgency } from './referral.values';

export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'in_progress' | 'completed' | 'revoked';
/** A referral that still gives its recipient a part in the case (and, if it shares them, the person's data). */
export const ACTIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'in_progress'];

export type ReferralState =
  | { readonly status: 'none' }
  | {
      readonly status: ReferralStatus;
      readonly referralId: string;
      readonly caseId: string;
      readonly fromAgency: string;
      readonly toAgency: string;
      readonly urgency: Urgency;
      readonly dueAt: string;
      readonly sharesPersonalData: boolean;
      readonly overdue: boolean;
      /** The case's province (the sender's side); null on referrals sent before provinces. */
      readonly province: string | null;
      /** The recipient agency's province (the answering side); null when not recorded (the case's). */
      readonly toProvince: string | null;
    };

export type KnownReferral = Exclude<ReferralState, { status: 'none' }>;
