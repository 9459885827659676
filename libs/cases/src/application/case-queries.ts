import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CLOCK, isNationalRole, withinReach, type Actor, type Clock } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { ACTIVE_REFERRAL_STATUSES, type ReferralStatus } from '../referral/referral.state';
import { CaseNotPermitted, mayReadCase } from '../access/case-access';
import { CaseNotFound } from '../case/case.errors';
import { ReferralNotFound } from '../referral/referral.errors';
import { CommitmentNotFound } from '../commitment/commitment.errors';
import { percentile } from '../dashboard/suppression';
import type { CasesTables } from '../projections/cases-tables';

type CaseRow = CasesTables['case_register'];
type ReferralRow = CasesTables['referral_register'];
type CommitmentRow = CasesTables['commitment_register'];
/** The referral lists' filter. */
export type ReferralListState = 'open' | 'overdue';

/** A case as its parties see it: no personal field (those are read, and logged, through PersonalDataService). */
export interface CaseView {
  readonly caseId: string;
  readonly owningAgency: string;
  readonly districtCode: string;
  readonly source: string;
  readonly ageGroup: string;
  readonly stage: string;
  readonly status: string;
  readonly identification: string | null;
  readonly caseManagerId: string | null;
  readonly consent: boolean;
  readonly legalBasis: string | null;
  readonly personalDataErased: boolean;
  readonly foundOn: string;
  readonly openedAt: string;
  readonly screenedAt: string | null;
  /** When the multidisciplinary team's identification is due (screening + IDENTIFICATION_DUE_DAYS), while it is awaited. */
  readonly identificationDueAt: string | null;
  readonly closedAt: string | null;
  readonly closureOutcome: string | null;
  readonly revision: number;
  readonly updatedAt: string;
}

/**
 * How a referral stands to the reader's province: sent from it to another (outgoing), sent to one of
 * its agencies from another (incoming), or within one province (local). A national reader outside
 * both provinces sees a cross-province referral from its sender's side (outgoing).
 */
export type ReferralDirection = 'outgoing' | 'incoming' | 'local';

export interface ReferralView {
  readonly referralId: string;
  readonly caseId: string;
  /** The case's province, where the referral was sent from. */
  readonly province: string;
  /** The recipient agency's province, where it is answered: the same as `province` for a local referral. */
  readonly toProvince: string;
  readonly direction: ReferralDirection;
  readonly fromAgency: string;
  readonly toAgency: string;
  readonly service: string;
  readonly urgency: string;
  readonly status: string;
  readonly sharesPersonalData: boolean;
  readonly sentAt: string;
  readonly dueAt: string;
  readonly acknowledgedAt: string | null;
  readonly acceptedAt: string | null;
  readonly finishedAt: string | null;
  readonly outcome: string | null;
  readonly overdue: boolean;
  readonly escalatedAt: string | null;
  readonly revision: number;
}

export interface CommitmentView {
  readonly commitmentId: string;
  readonly agency: string;
  readonly target: { kind: 'case'; caseId: string } | { kind: 'project'; planId: string; projectId: string };
  readonly resource: string;
  readonly quantity: number;
  readonly fulfilled: number;
  readonly dueOn: string;
  readonly status: string;
  readonly overdue: boolean;
  readonly revision: number;
}

export const toCaseView = (r: CaseRow, identificationDueDays = 15): CaseView => ({
  caseId: r.case_id,
  owningAgency: r.owning_agency,
  districtCode: r.district_code,
  source: r.source,
  ageGroup: r.age_group,
  stage: r.stage,
  status: r.status,
  identification: r.identification,
  caseManagerId: r.case_manager_id,
  consent: r.consent === 1,
  legalBasis: r.legal_basis,
  personalDataErased: r.erased === 1,
  foundOn: r.found_on,
  openedAt: r.opened_at,
  screenedAt: r.screened_at,
  identificationDueAt:
    r.stage === 'identification' && r.screened_at
      ? new Date(Date.parse(r.screened_at) + identificationDueDays * 86_400_000).toISOString()
      : null,
  closedAt: r.closed_at,
  closureOutcome: r.closure_outcome,
  revision: r.revision,
  updatedAt: r.updated_at,
});

/** Where a register row says a referral was sent from and to; rows from before provinces are the deployment's. */
export function referralProvinces(
  r: Pick<ReferralRow, 'province' | 'to_province'>,
  deploymentProvince: string,
): { province: string; toProvince: string } {
  const province = r.province ?? deploymentProvince;
  return { province, toProvince: r.to_province ?? province };
}

export function referralDirection(
  { province, toProvince }: { province: string; toProvince: string },
  readerProvince: string,
): ReferralDirection {
  if (province === toProvince) return 'local';
  return toProvince === readerProvince ? 'incoming' : 'outgoing';
}

export function toReferralView(r: ReferralRow, deploymentProvince: string, readerProvince: string): ReferralView {
  const provinces = referralProvinces(r, deploymentProvince);
  return {
    referralId: r.referral_id,
    caseId: r.case_id,
    ...provinces,
    direction: referralDirection(provinces, readerProvince),
    fromAgency: r.from_agency,
    toAgency: r.to_agency,
    service: r.service,
    urgency: r.urgency,
    status: r.status,
    sharesPersonalData: r.shares_personal_data === 1,
    sentAt: r.sent_at,
    dueAt: r.due_at,
    acknowledgedAt: r.acknowledged_at,
    acceptedAt: r.accepted_at,
    finishedAt: r.finished_at,
    outcome: r.outcome,
    overdue: r.overdue === 1,
    escalatedAt: r.escalated_at,
    revision: r.revision,
  };
}

export function toCommitmentView(r: CommitmentRow, today: string): CommitmentView {
  const quantity = Number(r.quantity);
  const fulfilled = Number(r.fulfilled);
  return {
    commitmentId: r.commitment_id,
    agency: r.agency,
    target:
      r.target_kind === 'case'
        ? { kind: 'case', caseId: r.target_id }
        : { kind: 'project', planId: r.plan_id ?? '', projectId: r.target_id },
    resource: r.resource,
    quantity,
    fulfilled,
    dueOn: r.due_on,
    status: r.status,
    overdue: r.status === 'pledged' && r.due_on < today && fulfilled < quantity,
    revision: r.revision,
  };
}

/** Today in Thailand (UTC+7), as the centre counts due dates. */
export const thaiDate = (at: Date): string => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** Who sees every case record of the province they reach: its coordinator and auditors, and national auditors. */
const OVERSIGHT = (actor: Actor) =>
  actor.role === 'coordinator' || actor.role === 'auditor' || actor.role === 'national_auditor';

/**
 * Case work's views, each checked against who asks: the secretariat and auditors see every case's
 * record; an agency's officers see their own cases and those referred to them; the chair and viewers
 * see dashboards only.
 */
@Injectable()
export class CaseQueries {
  private readonly db: Kysely<CasesTables>;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  private view = (row: CaseRow): CaseView => toCaseView(row, this.config.cases.identificationDueDays);

  /** A row's province: rows from before provinces have none, and are the deployment's. */
  private provinceOf = (row: { province: string | null }): string => row.province ?? this.config.deploymentProvince;

  private referralView = (actor: Actor) => (row: ReferralRow) =>
    toReferralView(row, this.config.deploymentProvince, actor.province);

  /**
   * The condition that keeps referrals to those of a province: sent from it (the case's) or to one of
   * its agencies. A cross-province referral is seen from both sides, each by its own need-to-know.
   */
  private referralIn(province: string) {
    const home = this.config.deploymentProvince;
    return sql<boolean>`(coalesce(referral_register.province, ${home}) = ${province} or coalesce(referral_register.to_province, referral_register.province, ${home}) = ${province})`;
  }

  /** The referrals a reader's province may see; national roles see every province's. */
  private referralFence(actor: Actor) {
    return isNationalRole(actor.role) ? sql<boolean>`1 = 1` : this.referralIn(actor.province);
  }

  /**
   * The condition that keeps a query to the actor's province (`column` of a register's row), or none
   * for national roles, who read across provinces.
   */
  private fence(actor: Actor, column: string) {
    if (isNationalRole(actor.role)) return sql<boolean>`1 = 1`;
    return sql<boolean>`coalesce(${sql.ref(column)}, ${this.config.deploymentProvince}) = ${actor.province}`;
  }

  /** Open cases screened but still awaiting the multidisciplinary team past the NRM's deadline. */
  async identificationOverdue(actor: Actor): Promise<CaseView[]> {
    const now = this.clock.now().getTime();
    return (await this.listCases(actor, { status: 'open', stage: 'identification' })).filter(
      (c) => c.identificationDueAt !== null && Date.parse(c.identificationDueAt) <= now,
    );
  }

  async caseView(actor: Actor, caseId: string): Promise<CaseView & { referrals: ReferralView[] }> {
    if (!OVERSIGHT(actor) && actor.role !== 'agency_officer') throw new CaseNotPermitted(actor.role, 'read cases');
    const row = await this.db.selectFrom('case_register').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (!row) throw new CaseNotFound(caseId);
    const referrals = await this.db
      .selectFrom('referral_register')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('sent_at')
      .execute();
    const facts = {
      owningAgency: row.owning_agency,
      province: this.provinceOf(row),
      referrals: referrals.map((r) => ({
        toAgency: r.to_agency,
        status: r.status as ReferralStatus,
        sharesPersonalData: r.shares_personal_data === 1,
        toProvince: r.to_province,
      })),
    };
    // An outsider is told what an unknown id would tell: nothing.
    if (!mayReadCase(actor, facts)) throw new CaseNotFound(caseId);
    return { ...this.view(row), referrals: referrals.map(this.referralView(actor)) };
  }

  async listCases(actor: Actor, filter: { status?: string; stage?: string } = {}): Promise<CaseView[]> {
    if (!OVERSIGHT(actor) && actor.role !== 'agency_officer') throw new CaseNotPermitted(actor.role, 'list cases');
    let query = this.db.selectFrom('case_register').selectAll().orderBy('opened_at').orderBy('case_id');
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.stage) query = query.where('stage', '=', filter.stage);
    if (OVERSIGHT(actor)) query = query.where(this.fence(actor, 'case_register.province'));
    else {
      if (actor.role !== 'agency_officer') throw new CaseNotPermitted(actor.role, 'list cases');
      // Its own province's cases it owns, and any province's it answers an active referral of, here.
      const home = this.config.deploymentProvince;
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('owning_agency', '=', actor.agency), this.fence(actor, 'case_register.province')]),
          eb.exists(
            eb
              .selectFrom('referral_register')
              .select('referral_id')
              .whereRef('referral_register.case_id', '=', 'case_register.case_id')
              .where('to_agency', '=', actor.agency)
              .where('status', 'in', [...ACTIVE_REFERRAL_STATUSES])
              .where(
                sql<boolean>`coalesce(referral_register.to_province, case_register.province, ${home}) = ${actor.province}`,
              ),
          ),
        ]),
      );
    }
    return (await query.execute()).map(this.view);
  }

  async referral(actor: Actor, referralId: string): Promise<ReferralView> {
    const row = await this.db
      .selectFrom('referral_register')
      .selectAll()
      .where('referral_id', '=', referralId)
      .executeTakeFirst();
    if (!OVERSIGHT(actor) && actor.role !== 'agency_officer') throw new CaseNotPermitted(actor.role, 'read referrals');
    if (!row) throw new ReferralNotFound(referralId);
    const { province, toProvince } = referralProvinces(row, this.config.deploymentProvince);
    // Either province's people, each by their own need-to-know; a third province knows nothing of it.
    const reachable = withinReach(actor, province) || withinReach(actor, toProvince);
    const party =
      OVERSIGHT(actor) ||
      actor.agency === row.from_agency ||
      (actor.agency === row.to_agency && withinReach(actor, toProvince));
    if (!reachable || !party) throw new ReferralNotFound(referralId);
    return this.referralView(actor)(row);
  }

  /** Referrals to (inbox) or from (outbox) an agency: one's own, or any for the secretariat and auditors. */
  async box(
    actor: Actor,
    box: 'inbox' | 'outbox',
    agency = actor.agency,
    filter: { state?: ReferralListState } = {},
  ): Promise<ReferralView[]> {
    if (!OVERSIGHT(actor) && !(actor.role === 'agency_officer' && agency === actor.agency))
      throw new CaseNotPermitted(actor.role, `read the ${box} of ${agency}`);
    const query = this.db
      .selectFrom('referral_register')
      .selectAll()
      .where(box === 'inbox' ? 'to_agency' : 'from_agency', '=', agency)
      .where(this.referralFence(actor))
      .orderBy('due_at');
    return (await this.inState(query, filter.state).execute()).map(this.referralView(actor));
  }

  /** open: sent, accepted or in progress; overdue: past due and still unanswered; no state: all. */
  private inState<Q extends SelectQueryBuilder<CasesTables, 'referral_register', ReferralRow>>(
    query: Q,
    state: ReferralListState | undefined,
  ): Q {
    if (state === 'open') return query.where('status', 'in', [...ACTIVE_REFERRAL_STATUSES]) as Q;
    if (state === 'overdue')
      return query.where('status', '=', 'sent').where('due_at', '<=', this.clock.now().toISOString()) as Q;
    return query;
  }

  /**
   * Every referral the actor may see, or only the open ones, or only the overdue ones; and of those,
   * with `province`, only the referrals sent from it or to it.
   */
  async referrals(actor: Actor, which?: ReferralListState, province?: string): Promise<ReferralView[]> {
    let query = this.inState(
      this.db.selectFrom('referral_register').selectAll().where(this.referralFence(actor)).orderBy('due_at'),
      which,
    );
    if (province) query = query.where(this.referralIn(province));
    if (!OVERSIGHT(actor)) {
      if (actor.role !== 'agency_officer') throw new CaseNotPermitted(actor.role, 'list referrals');
      query = query.where((eb) => eb.or([eb('to_agency', '=', actor.agency), eb('from_agency', '=', actor.agency)]));
    }
    return (await query.execute()).map(this.referralView(actor));
  }

  /** Referrals escalated to the coordinator and still not answered. */
  async escalations(actor: Actor): Promise<ReferralView[]> {
    if (!OVERSIGHT(actor)) throw new CaseNotPermitted(actor.role, 'read escalations');
    return (
      await this.db
        .selectFrom('referral_register')
        .selectAll()
        .where('escalated_at', 'is not', null)
        .where('status', '=', 'sent')
        .where(this.referralFence(actor))
        .orderBy('due_at')
        .execute()
    ).map(this.referralView(actor));
  }

  /**
   * Hours from sending to acceptance per receiving agency (nearest-rank p50, p90), for the
   * secretariat and auditors who follow agencies up. Dashboards show the same figures with small
   * groups withheld.
   */
  async timeToAccept(
    actor: Actor,
  ): Promise<Array<{ agency: string; accepted: number; p50Hours: number; p90Hours: number }>> {
    if (!OVERSIGHT(actor)) throw new CaseNotPermitted(actor.role, 'read time-to-accept by agency');
    const rows = await this.db
      .selectFrom('referral_register')
      .select(['to_agency', 'sent_at', 'accepted_at'])
      .where('accepted_at', 'is not', null)
      .where(this.referralFence(actor))
      .execute();
    const byAgency = new Map<string, number[]>();
    for (const r of rows)
      byAgency.set(r.to_agency, [
        ...(byAgency.get(r.to_agency) ?? []),
        (Date.parse(r.accepted_at!) - Date.parse(r.sent_at)) / 3600_000,
      ]);
    const round = (n: number) => Math.round(n * 10) / 10;
    return [...byAgency]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([agency, hours]) => ({
        agency,
        accepted: hours.length,
        p50Hours: round(percentile(hours, 50)),
        p90Hours: round(percentile(hours, 90)),
      }));
  }

  /**
   * One commitment, as its reader may see it: a pledge to a plan project is about agencies and open to
   * every role; a pledge to a case follows the case's need-to-know (the pledging agency, the owning
   * agency, agencies holding an active referral, the secretariat and auditors). Anyone else is told
   * it does not exist, as for an unknown id.
   */
  async commitmentSeenBy(actor: Actor, commitmentId: string): Promise<CommitmentView> {
    const row = await this.visibleCommitments(actor).where('commitment_id', '=', commitmentId).executeTakeFirst();
    if (!row) throw new CommitmentNotFound(commitmentId);
    return toCommitmentView(row, thaiDate(this.clock.now()));
  }

  /** The commitments the actor may see (see commitmentSeenBy); asking for a case one may not see is 404 as for an unknown case. */
  async commitmentsSeenBy(
    actor: Actor,
    filter: { agency?: string; overdue?: boolean; caseId?: string } = {},
  ): Promise<CommitmentView[]> {
    if (filter.caseId && !OVERSIGHT(actor)) {
      if (actor.role !== 'agency_officer') throw new CaseNotFound(filter.caseId);
      const [owning, pledged] = await Promise.all([
        this.caseKnownTo(actor, filter.caseId),
        this.db
          .selectFrom('commitment_register')
          .select('commitment_id')
          .where('target_kind', '=', 'case')
          .where('target_id', '=', filter.caseId)
          .where('agency', '=', actor.agency)
          .executeTakeFirst(),
      ]);
      if (!owning && !pledged) throw new CaseNotFound(filter.caseId);
    }
    let query = this.visibleCommitments(actor).orderBy('due_on').orderBy('commitment_id');
    if (filter.agency) query = query.where('agency', '=', filter.agency);
    if (filter.caseId) query = query.where('target_kind', '=', 'case').where('target_id', '=', filter.caseId);
    const today = thaiDate(this.clock.now());
    const views = (await query.execute()).map((r) => toCommitmentView(r, today));
    return filter.overdue ? views.filter((v) => v.overdue) : views;
  }

  /** Whether an officer's agency owns the case or holds an active referral of it. */
  private async caseKnownTo(actor: Actor, caseId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('case_register')
      .select(['owning_agency', 'province'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!row) return false;
    const referrals = await this.db
      .selectFrom('referral_register')
      .select(['to_agency', 'to_province', 'status', 'shares_personal_data'])
      .where('case_id', '=', caseId)
      .execute();
    return mayReadCase(actor, {
      owningAgency: row.owning_agency,
      province: this.provinceOf(row),
      referrals: referrals.map((r) => ({
        toAgency: r.to_agency,
        status: r.status as ReferralStatus,
        sharesPersonalData: r.shares_personal_data === 1,
        toProvince: r.to_province,
      })),
    });
  }

  private visibleCommitments(actor: Actor) {
    // A pledge is its agency's province's, and a pledge to a case also the case's: the case's side
    // sees what another province's recipient pledged to it.
    const query = this.db
      .selectFrom('commitment_register')
      .selectAll()
      .where((eb) =>
        eb.or([
          this.fence(actor, 'commitment_register.province'),
          eb.and([
            eb('target_kind', '=', 'case'),
            eb.exists(
              eb
                .selectFrom('case_register')
                .select('case_id')
                .whereRef('case_register.case_id', '=', 'commitment_register.target_id')
                .where(this.fence(actor, 'case_register.province')),
            ),
          ]),
        ]),
      );
    if (OVERSIGHT(actor)) return query;
    if (actor.role !== 'agency_officer') return query.where('target_kind', '=', 'project');
    return query.where((eb) =>
      eb.or([
        eb('target_kind', '=', 'project'),
        eb('agency', '=', actor.agency),
        eb.exists(
          eb
            .selectFrom('case_register')
            .select('case_id')
            .whereRef('case_register.case_id', '=', 'commitment_register.target_id')
            .where('owning_agency', '=', actor.agency),
        ),
        eb.exists(
          eb
            .selectFrom('referral_register')
            .select('referral_id')
            .whereRef('referral_register.case_id', '=', 'commitment_register.target_id')
            .where('to_agency', '=', actor.agency)
            .where('status', 'in', [...ACTIVE_REFERRAL_STATUSES]),
        ),
      ]),
    );
  }

  async commitments(
    filter: { agency?: string; overdue?: boolean; caseId?: string; province?: string } = {},
  ): Promise<CommitmentView[]> {
    let query = this.db.selectFrom('commitment_register').selectAll().orderBy('due_on').orderBy('commitment_id');
    if (filter.province)
      query = query.where(
        sql<boolean>`coalesce(commitment_register.province, ${this.config.deploymentProvince}) = ${filter.province}`,
      );
    if (filter.agency) query = query.where('agency', '=', filter.agency);
    if (filter.caseId) query = query.where('target_kind', '=', 'case').where('target_id', '=', filter.caseId);
    const today = thaiDate(this.clock.now());
    const views = (await query.execute()).map((r) => toCommitmentView(r, today));
    return filter.overdue ? views.filter((v) => v.overdue) : views;
  }

  /** Who read whose case's personal data, and the grants auditors gave themselves: for auditors. */
  async accessLog(actor: Actor, filter: { caseId?: string; actorId?: string; from?: string; to?: string } = {}) {
    if (actor.role !== 'auditor') throw new CaseNotPermitted(actor.role, 'read the personal-data access log');
    let query = this.db
      .selectFrom('personal_data_access_log')
      .selectAll()
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('case_register')
            .select('case_id')
            .whereRef('case_register.case_id', '=', 'personal_data_access_log.case_id')
            .where(this.fence(actor, 'case_register.province')),
        ),
      )
      .orderBy('at')
      .orderBy('event_id');
    if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    return (await query.execute()).map((r) => ({
      eventId: r.event_id,
      caseId: r.case_id,
      kind: r.kind,
      actorId: r.actor_id,
      agency: r.agency,
      role: r.role,
      purpose: r.purpose,
      ground: r.ground,
      at: r.at,
      until: r.until,
    }));
  }

  /** The case register for export: the secretariat's and auditors', and de-identified like every view. */
  async exportCases(actor: Actor): Promise<CaseView[]> {
    if (!OVERSIGHT(actor)) throw new CaseNotPermitted(actor.role, 'export cases');
    return this.listCases(actor);
  }
}
