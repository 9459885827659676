import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Problem } from './api/client';
import type { components } from './api/schema';
import type { Role, SessionUser } from './auth';
import { minPosition } from './live';

/** A referral as the API shows it: who sends what service to whom, and when; never the person. */
export type Referral = components['schemas']['ReferralViewDto'];
export type ReferralStatus = Referral['status'];
export type ReferralOutcome = NonNullable<Referral['outcome']>;
export const OUTCOMES: readonly ReferralOutcome[] = ['service_provided', 'partially_provided', 'not_provided'];

/** The screens' tabs: referrals to the caller's agency, from it, and (oversight) those escalated as overdue. */
export type Box = 'inbox' | 'outbox' | 'escalations';

/** Who may read referrals at all (the API refuses the chair and viewers). */
export const canSeeReferrals = (role: Role): boolean =>
  role === 'coordinator' || role === 'auditor' || role === 'agency_officer';
/** The secretariat and auditors follow overdue referrals up (GET /referrals/escalations). */
export const canSeeEscalations = (role: Role): boolean => role === 'coordinator' || role === 'auditor';

export type ReferralAction = 'accept' | 'decline' | 'start' | 'complete' | 'revoke';

/**
 * What the caller may do with a referral in its status, as the referral decider allows it: only the
 * receiving agency answers (accept or decline a sent one, start an accepted one, complete one in
 * progress); the sending agency or the secretariat may revoke one still open. Auditors only read.
 */
/** Who answers and revokes referrals at all: the secretariat and agency officers (auditors only read). */
export const answersReferrals = (role: Role): boolean => role === 'coordinator' || role === 'agency_officer';

export function actionsFor(r: Referral, user: SessionUser): ReferralAction[] {
  if (!answersReferrals(user.role)) return [];
  const actions: ReferralAction[] = [];
  if (user.agency === r.toAgency) {
    if (r.status === 'sent') actions.push('accept', 'decline');
    if (r.status === 'accepted') actions.push('start');
    if (r.status === 'in_progress') actions.push('complete');
  }
  // The sender's side revokes: the sending agency, or a coordinator of the case's province (the
  // recipient's province oversees a cross-province referral but does not withdraw it).
  if (
    (user.agency === r.fromAgency || (user.role === 'coordinator' && r.province === user.province)) &&
    (r.status === 'sent' || r.status === 'accepted' || r.status === 'in_progress')
  )
    actions.push('revoke');
  return actions;
}

/** A referral from a case of one province to an agency of another. */
export const isCrossProvince = (r: Referral): boolean => r.province !== r.toProvince;

/** Past due and still unanswered: marked so by the scheduler, or already past the due time before it runs. */
export const isOverdue = (r: Referral, now = Date.now()): boolean =>
  r.overdue || (r.status === 'sent' && Date.parse(r.dueAt) <= now);

export { shortId } from './format';

/** One tab's referrals; the live stream's invalidation refetches them whenever the views move. */
export function useReferralBox(box: Box, state: 'all' | 'open' | 'overdue', enabled: boolean) {
  return useQuery({
    queryKey: ['referrals', box, state],
    enabled,
    queryFn: async (): Promise<Referral[]> => {
      const query = { ...minPosition(), ...(state === 'all' || box === 'escalations' ? {} : { state }) } as never;
      if (box === 'inbox')
        return (await unwrap<{ referrals: Referral[] }>(api.GET('/api/v1/referrals/inbox', { params: { query } })))
          .referrals;
      if (box === 'outbox')
        return (await unwrap<{ referrals: Referral[] }>(api.GET('/api/v1/referrals/outbox', { params: { query } })))
          .referrals;
      return (await unwrap<{ referrals: Referral[] }>(api.GET('/api/v1/referrals/escalations', { params: { query } })))
        .referrals;
    },
  });
}

/** A referral and the ETag it was read with (its revision): every answer to it is sent with If-Match set to this. */
export interface ReferralRead {
  readonly referral: Referral;
  readonly etag: string;
}

export async function readReferral(referralId: string, options: { fresh?: boolean } = {}): Promise<ReferralRead> {
  const call = api.GET('/api/v1/referrals/{referralId}', {
    params: { path: { referralId }, query: (options.fresh ? {} : minPosition()) as never },
  });
  const { response } = await call;
  const referral = await unwrap<Referral>(call);
  return { referral, etag: response.headers.get('ETag') ?? `"${referral.revision}"` };
}

export function useReferral(referralId: string) {
  return useQuery({ queryKey: ['referral', referralId], queryFn: () => readReferral(referralId) });
}

/** Sends one answer with If-Match; the API's position comes back for read-your-writes. */
export async function answerReferral(
  referralId: string,
  action: ReferralAction,
  etag: string,
  body: { reason?: string; outcome?: ReferralOutcome },
): Promise<{ position: string }> {
  const params = { path: { referralId }, header: { 'If-Match': etag } };
  switch (action) {
    case 'accept':
      return unwrap(api.POST('/api/v1/referrals/{referralId}/acceptance', { params }));
    case 'decline':
      return unwrap(
        api.POST('/api/v1/referrals/{referralId}/decline', { params, body: { reason: body.reason ?? '' } }),
      );
    case 'start':
      return unwrap(api.POST('/api/v1/referrals/{referralId}/start', { params }));
    case 'complete':
      return unwrap(
        api.POST('/api/v1/referrals/{referralId}/completion', {
          params,
          body: { outcome: body.outcome ?? 'service_provided' },
        }),
      );
    case 'revoke':
      return unwrap(
        api.POST('/api/v1/referrals/{referralId}/revocation', { params, body: { reason: body.reason ?? '' } }),
      );
  }
}

export const isStale = (error: unknown): error is ApiError & { problem: Problem } =>
  error instanceof ApiError && error.status === 412;
