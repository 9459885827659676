import type { ReferralOutcome, ReferralService, Urgency } from './referral.values';

export type ReferralEvent =
  | {
      type: 'ReferralSent';
      data: {
        referralId: string;
        caseId: string;
        fromAgency: string;
        toAgency: string;
        service: ReferralService;
        urgency: Urgency;
        sentAt: string;
        dueAt: string;
        sharesPersonalData: boolean;
        basis: 'consent' | 'legal_basis' | null;
        /** The case's province; absent on referrals sent before provinces (the deployment's). */
        province?: string;
        /**
         * The recipient agency's province, where the referral is answered: the case's for a local
         * referral, another for a cross-province one. Absent on referrals sent before it was recorded (the case's).
         */
        toProvince?: string;
      };
    }
  | { type: 'ReferralAccepted'; data: { referralId: string; acceptedAt: string } }
  | { type: 'ReferralDeclined'; data: { referralId: string; reason: string; declinedAt: string } }
  | { type: 'ReferralServiceStarted'; data: { referralId: string; startedAt: string } }
  | { type: 'ReferralCompleted'; data: { referralId: string; outcome: ReferralOutcome; completedAt: string } }
  | { type: 'ReferralRevoked'; data: { referralId: string; reason: string; revokedAt: string } }
  | {
      type: 'ReferralOverdue';
      data: { referralId: string; caseId: string; toAgency: string; dueAt: string; urgency: Urgency };
    }
  | {
      type: 'ReferralEscalated';
      data: { referralId: string; caseId: string; toRole: 'coordinator'; reason: 'not_acknowledged_by_due_time' };
    };

export const REFERRAL_EVENT_TYPES: ReadonlySet<string> = new Set<ReferralEvent['type']>([
  'ReferralSent',
  'ReferralAccepted',
  'ReferralDeclined',
  'ReferralServiceStarted',
  'ReferralCompleted',
  'ReferralRevoked',
  'ReferralOverdue',
  'ReferralEscalated',
]);

export const referralStreamId = (referralId: string): string => `referral-${referralId}`;
