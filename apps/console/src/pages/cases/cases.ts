import { asText } from '../../format';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Role, SessionUser } from '../../auth';
import { minPosition } from '../../live';
import type { Referral } from '../../referrals';

type Schemas = components['schemas'];
/** The generator types nullable strings as `Record<string, never> | null`; they are strings or null. */
type Nullables<T> = {
  [K in keyof T]: [T[K]] extends [Record<string, never> | null] ? (null extends T[K] ? string | null : T[K]) : T[K];
};

/** A case as the API shows it to its parties: codes, stage, dates; never the person. */
export type Case = Nullables<Schemas['CaseViewDto']>;
export type CaseWithReferrals = Case & { referrals: Referral[] };
export type Commitment = Schemas['CommitmentViewDto'];
export type AccessLogEntry = Nullables<Schemas['AccessLogEntryDto']>;
export type HistoryEntry = Nullables<Schemas['CaseHistoryEntryDto']>;
export type Person = Schemas['PersonDto'];
export type PersonalDataView = Schemas['PersonalDataViewDto'];

export type NrmStage = Case['stage'];
/** The national referral mechanism's stages, in the order the domain names them. */
export const NRM_STAGES: readonly NrmStage[] = [
  'screening',
  'identification',
  'protection_assistance',
  'return_reintegration',
  'prosecution_support',
];
export const LEGAL_BASES = ['vital_interest', 'legal_obligation', 'public_task', 'legal_claims'] as const;
export const CLOSURE_OUTCOMES = [
  'reintegrated',
  'returned_home',
  'not_a_victim',
  'transferred',
  'lost_contact',
  'other',
] as const;
export const RESOURCES = ['staff_days', 'budget_satang', 'shelter_beds', 'vehicles', 'interpreters'] as const;
export type Resource = (typeof RESOURCES)[number];

/** Who may read case records at all (the API refuses the chair and viewers with 403 AUTH.NOT_PERMITTED). */
export const canSeeCases = (role: Role): boolean =>
  role === 'coordinator' || role === 'auditor' || role === 'agency_officer' || role === 'national_auditor';
/** The access log of personal-data reads is the auditors' (GET /audit/personal-data-reads). */
export const canReadAccessLog = (role: Role): boolean => role === 'auditor';

/** Case work (screening, stages, consent…) belongs to the coordinator and the owning agency's officers (authoriseCaseCommand). */
export const mayWorkOnCase = (c: Case, user: SessionUser): boolean =>
  user.role === 'coordinator' || (user.role === 'agency_officer' && user.agency === c.owningAgency);
/** A pledge to a case: any party with need-to-know but auditors (the commitment decider). */
export const mayPledge = (user: SessionUser): boolean => user.role === 'coordinator' || user.role === 'agency_officer';
/** Only the pledging agency (or the secretariat) delivers on a pledge still open. */
export const mayFulfil = (c: Commitment, user: SessionUser): boolean =>
  c.status === 'pledged' &&
  (user.role === 'coordinator' || (user.role === 'agency_officer' && user.agency === c.agency));

export { shortId } from '../../format';

export interface CaseFilter {
  readonly status?: 'open' | 'closed';
  readonly stage?: NrmStage;
}

/** The cases the caller may see (the API filters by status and stage; it does not page, the table does). */
export function useCases(filter: CaseFilter, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'list', filter],
    enabled,
    queryFn: async () =>
      (
        await unwrap<{ cases: Case[] }>(
          api.GET('/api/v1/cases', { params: { query: { ...minPosition(), ...filter } as never } }),
        )
      ).cases,
  });
}

/** Open referrals and commitments per case, counted from the lists the caller may read. */
export function useCaseCounts(enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'counts'],
    enabled,
    queryFn: async () => {
      const [referrals, commitments] = await Promise.all([
        unwrap<{ referrals: Referral[] }>(
          api.GET('/api/v1/referrals', { params: { query: { ...minPosition(), state: 'open' } as never } }),
        ),
        unwrap<{ commitments: Commitment[] }>(
          api.GET('/api/v1/commitments', { params: { query: minPosition() as never } }),
        ),
      ]);
      const counts = new Map<string, { referrals: number; commitments: number; overdue: number }>();
      const of = (caseId: string) =>
        counts.get(caseId) ?? (counts.set(caseId, { referrals: 0, commitments: 0, overdue: 0 }), counts.get(caseId)!);
      for (const r of referrals.referrals) of(r.caseId).referrals++;
      for (const c of commitments.commitments) {
        if (c.target.kind !== 'case' || !c.target.caseId || c.status !== 'pledged') continue;
        const n = of(c.target.caseId);
        n.commitments++;
        if (c.overdue) n.overdue++;
      }
      return counts;
    },
  });
}

/** A case and the ETag it was read with: every change to it is sent with If-Match set to this. */
export interface CaseRead {
  readonly case: CaseWithReferrals;
  readonly etag: string;
}

export async function readCase(caseId: string, options: { fresh?: boolean } = {}): Promise<CaseRead> {
  const call = api.GET('/api/v1/cases/{caseId}', {
    params: { path: { caseId }, query: (options.fresh ? {} : minPosition()) as never },
  });
  const { response } = await call;
  const found = await unwrap<CaseWithReferrals>(call);
  return { case: found, etag: response.headers.get('ETag') ?? `"${found.revision}"` };
}

export const useCase = (caseId: string) => useQuery({ queryKey: ['case', caseId], queryFn: () => readCase(caseId) });

/** The case's own events from the log (personal data sealed): when each stage began, consent and legal basis as recorded. */
export const useCaseHistory = (caseId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['case', caseId, 'history'],
    enabled,
    queryFn: async () =>
      (
        await unwrap<{ events: HistoryEntry[] }>(
          api.GET('/api/v1/cases/{caseId}/history', { params: { path: { caseId }, query: {} as never } }),
        )
      ).events,
  });

export const useCaseCommitments = (caseId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['case', caseId, 'commitments'],
    enabled,
    queryFn: async () =>
      (
        await unwrap<{ commitments: Commitment[] }>(
          api.GET('/api/v1/commitments', { params: { query: { ...minPosition(), caseId } as never } }),
        )
      ).commitments,
  });

export interface AccessLogFilter {
  readonly caseId?: string;
  readonly actor?: string;
}

export const useAccessLog = (filter: AccessLogFilter, enabled: boolean) =>
  useQuery({
    queryKey: ['access-log', filter],
    enabled,
    queryFn: async () =>
      (
        await unwrap<{ reads: AccessLogEntry[] }>(
          api.GET('/api/v1/audit/personal-data-reads', { params: { query: { ...minPosition(), ...filter } as never } }),
        )
      ).reads,
  });

/** The purpose of a read, as the API takes it: trimmed, 3 to 500 characters (ReadPersonalDataDto). */
export const PURPOSE_MIN = 3;
export const PURPOSE_MAX = 500;

/**
 * Reads a person's data for one stated purpose. A POST whose answer is never cached (the API sends
 * Cache-Control: no-store) and never kept in the query cache: the dialog holds it while open only.
 */
export async function readPersonalData(caseId: string, purpose: string): Promise<PersonalDataView> {
  const { data, error, response } = await api.POST('/api/v1/cases/{caseId}/personal-data-reads', {
    params: { path: { caseId } },
    body: { purpose: purpose.trim() },
    cache: 'no-store',
  });
  if (!response.ok || !data) throw new ApiError(response.status, error ?? {});
  return data;
}

/** An auditor's reasoned, time-limited access to one case's personal data (itself on the record). */
export const grantAuditAccess = (caseId: string, reason: string) =>
  unwrap<{ until: string; position: string }>(
    api.POST('/api/v1/cases/{caseId}/personal-data-access-grants', {
      params: { path: { caseId } },
      body: { reason: reason.trim() },
    }),
  );

/** The changes to a case the console offers, each a sub-resource of the case sent with If-Match. */
export type CaseAction =
  'screening' | 'identification' | 'advance' | 'consent' | 'withdrawConsent' | 'legalBasis' | 'close' | 'reopen';

/** What the caller may do with the case as it stands, as the case decider allows it. */
export function caseActionsFor(c: Case, user: SessionUser): CaseAction[] {
  if (!mayWorkOnCase(c, user)) return [];
  const actions: CaseAction[] = [];
  if (c.status === 'open') {
    if (c.stage === 'screening') actions.push('screening');
    if (c.stage === 'identification') actions.push('identification');
    if (NRM_STAGES.indexOf(c.stage) >= 2 && c.stage !== 'prosecution_support') actions.push('advance');
  }
  if (!c.personalDataErased) {
    actions.push(c.consent ? 'withdrawConsent' : 'consent');
    actions.push('legalBasis');
  } else if (c.consent) actions.push('withdrawConsent');
  actions.push(c.status === 'open' ? 'close' : 'reopen');
  return actions;
}

/** Stages a case may move on to from where it is (later ones only). */
export const laterStages = (stage: NrmStage): NrmStage[] => NRM_STAGES.slice(NRM_STAGES.indexOf(stage) + 1);

export type ActionValues = Record<string, unknown>;

/** Sends one change with If-Match; the API's position comes back for read-your-writes. */
export function sendCaseAction(
  caseId: string,
  action: CaseAction,
  etag: string,
  v: ActionValues,
): Promise<{ position: string }> {
  const params = { path: { caseId }, header: { 'If-Match': etag } };
  const s = (k: string) => asText(v[k]);
  switch (action) {
    case 'screening':
      return unwrap(
        api.POST('/api/v1/cases/{caseId}/screening', {
          params,
          body: { indicators: (v.indicators as string[]) ?? [], formReference: s('formReference').trim() },
        }),
      );
    case 'identification':
      return unwrap(
        api.POST('/api/v1/cases/{caseId}/identification', {
          params,
          body: { outcome: s('outcome') as 'victim', decidedOn: s('decidedOn'), decidingAgency: s('decidingAgency') },
        }),
      );
    case 'advance':
      return unwrap(
        api.POST('/api/v1/cases/{caseId}/stage-changes', { params, body: { stage: s('stage') as NrmStage } }),
      );
    case 'consent':
      return unwrap(
        api.POST('/api/v1/cases/{caseId}/consents', {
          params,
          body: { givenOn: s('givenOn'), scope: 'share_with_agencies' },
        }),
      );
    case 'withdrawConsent':
      return unwrap(
        api.POST('/api/v1/cases/{caseId}/consent-withdrawal', { params, body: { withdrawnOn: s('withdrawnOn') } }),
      );
    case 'legalBasis':
      return unwrap(
        api.POST('/api/v1/cases/{caseId}/legal-basis', {
          params,
          body: { basis: s('basis') as (typeof LEGAL_BASES)[number], reference: s('reference').trim() },
        }),
      );
    case 'close':
      return unwrap(
        api.POST('/api/v1/cases/{caseId}/closure', {
          params,
          body: { outcome: s('outcome') as (typeof CLOSURE_OUTCOMES)[number] },
        }),
      );
    case 'reopen':
      return unwrap(api.POST('/api/v1/cases/{caseId}/reopening', { params, body: { reason: s('reason').trim() } }));
  }
}

export const pledgeToCase = (caseId: string, v: { resource: Resource; quantity: number; dueOn: string }) =>
  unwrap<{ commitmentId: string; position: string }>(
    api.POST('/api/v1/commitments', { body: { targetKind: 'case', caseId, ...v } }),
  );

export async function readCommitment(commitmentId: string): Promise<{ commitment: Commitment; etag: string }> {
  const call = api.GET('/api/v1/commitments/{commitmentId}', { params: { path: { commitmentId } } });
  const { response } = await call;
  const commitment = await unwrap<Commitment>(call);
  return { commitment, etag: response.headers.get('ETag') ?? `"${commitment.revision}"` };
}

export const fulfilCommitment = (commitmentId: string, etag: string, v: { quantity: number; fulfilledOn: string }) =>
  unwrap<{ position: string }>(
    api.POST('/api/v1/commitments/{commitmentId}/fulfilments', {
      params: { path: { commitmentId }, header: { 'If-Match': etag } },
      body: v,
    }),
  );

export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 412;

/** When the case entered each stage, from its events; a stage it went past without entering has none. */
export function stageDates(events: readonly HistoryEntry[]): Partial<Record<NrmStage, string>> {
  const dates: Partial<Record<NrmStage, string>> = {};
  for (const e of events) {
    if (!e.stream.startsWith('case-') || !e.occurredAt) continue;
    const d = e.data as Record<string, string>;
    if (e.type === 'CaseOpened') dates.screening = e.occurredAt;
    else if (e.type === 'CaseScreened') dates.identification = e.occurredAt;
    else if (e.type === 'VictimIdentificationRecorded' && d.outcome === 'victim')
      dates.protection_assistance = e.occurredAt;
    else if (e.type === 'NrmStageAdvanced') dates[d.to as NrmStage] = e.occurredAt;
  }
  return dates;
}

/** The latest consent and legal basis records (dates and reference), which the case view only flags. */
export function consentRecords(events: readonly HistoryEntry[]): {
  givenOn: string | null;
  withdrawnOn: string | null;
  reference: string | null;
  basisAt: string | null;
} {
  let givenOn: string | null = null;
  let withdrawnOn: string | null = null;
  let reference: string | null = null;
  let basisAt: string | null = null;
  for (const e of events) {
    const d = e.data as Record<string, string>;
    if (e.type === 'ConsentRecorded') {
      givenOn = d.givenOn;
      withdrawnOn = null;
    }
    if (e.type === 'ConsentWithdrawn') withdrawnOn = d.withdrawnOn;
    if (e.type === 'LegalBasisRecorded') {
      reference = d.reference;
      basisAt = e.occurredAt;
    }
  }
  return { givenOn, withdrawnOn, reference, basisAt };
}

interface AgencyEntry {
  readonly code: string;
  readonly nameTh: string;
  readonly nameEn: string | null;
  readonly active?: boolean;
}

/** The agency directory, under the same query key (and shape) as the referral screens read it. */
export const useAgencies = () =>
  useQuery({
    queryKey: ['agencies'],
    staleTime: 5 * 60_000,
    queryFn: async () => (await unwrap<{ agencies: AgencyEntry[] }>(api.GET('/api/v1/agencies'))).agencies,
  });
