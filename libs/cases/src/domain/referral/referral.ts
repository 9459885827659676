import type { Base } from '../command';

/** Services a victim is entitled to under s.33 of the Anti-Trafficking in Persons Act, plus interpretation. */
export const REFERRAL_SERVICES = [
  'shelter',
  'medical',
  'psychosocial',
  'legal_aid',
  'education',
  'vocational_training',
  'return',
  'compensation_claim',
  'interpretation',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_OUTCOMES = ['service_provided', 'partially_provided', 'not_provided'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'in_progress' | 'completed' | 'revoked';
/** A referral that still gives its recipient a part in the case (and, if it shares them, the person's data). */
export const ACTIVE_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'in_progress'];

/** What the sender's decision needs to know of the case and the recipient, read before deciding. */
export interface ReferralFacts {
  readonly case: {
    readonly exists: boolean;
    readonly open: boolean;
    readonly owningAgency: string | null;
    readonly consent: boolean;
    readonly legalBasis: string | null;
    readonly erased: boolean;
  };
  readonly recipient: 'active' | 'inactive' | 'unknown';
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
export type AcceptReferral = Base<'AcceptReferral', { referralId: string }>;
export type DeclineReferral = Base<'DeclineReferral', { referralId: string; reason: string }>;
export type StartReferralService = Base<'StartReferralService', { referralId: string }>;
export type CompleteReferral = Base<'CompleteReferral', { referralId: string; outcome: ReferralOutcome }>;
export type RevokeReferral = Base<'RevokeReferral', { referralId: string; reason: string }>;
/** Raised by the overdue scheduler, not by people. */
export type MarkReferralOverdue = Base<'MarkReferralOverdue', { referralId: string }>;

export type ReferralCommand =
  | SendReferral
  | AcceptReferral
  | DeclineReferral
  | StartReferralService
  | CompleteReferral
  | RevokeReferral
  | MarkReferralOverdue;

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
    };

export const referralStreamId = (referralId: string): string => `referral-${referralId}`;

/** The due time the centre's defaults give a referral sent at `sentAt`. */
export function defaultDueAt(sentAt: Date, urgency: Urgency, hours: { urgent: number; normal: number }): Date {
  return new Date(sentAt.getTime() + hours[urgency] * 3600_000);
}
