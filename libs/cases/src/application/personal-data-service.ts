import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CommandRunner, StaleRevision, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, withinReach, type Actor, type Clock } from '@ruamjai/kernel';
import { PersonalDataErased, PersonalDataVault } from '@ruamjai/privacy';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import {
  accessLogDecider,
  accessLogStreamId,
  auditGrantUntil,
  CaseNotPermitted,
  mayReadCase,
  PersonalDataNotPermitted,
  personalDataGround,
  type AccessGround,
  type AccessLogCommand,
  type AccessLogEvent,
  type CaseAccessFacts,
} from '../access/case-access';
import { caseStreamId } from '../case/case.events';
import type { KnownCase } from '../case/case.state';
import { caseDecider } from '../case/case.decider';
import { CaseNotFound } from '../case/case.errors';
import { referralStreamId } from '../referral/referral.events';
import { referralDecider } from '../referral/referral.decider';
import type { CasesTables } from '../projections/cases-tables';
import type { PersonalData } from './personal-data';

export interface PersonalDataView {
  readonly caseId: string;
  readonly personId: string;
  readonly person: PersonalData;
  /** Why this reader may see it; recorded with the read. */
  readonly ground: AccessGround;
  readonly readAt: string;
}

/**
 * The one way to read a person's data: need-to-know is judged on the case and its referrals as the
 * log holds them now (the read model only names candidate referrals; each is loaded from its
 * stream, so a revocation counts at once), the read is recorded with who, when, on what ground and
 * why, and only then is the data opened.
 */
@Injectable()
export class PersonalDataService {
  private readonly db: Kysely<CasesTables>;

  constructor(
    private readonly runner: CommandRunner,
    private readonly vault: PersonalDataVault,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  /** The case and what need-to-know is judged on, for this actor. */
  async accessFacts(actor: Actor, caseId: string): Promise<{ case: KnownCase; facts: CaseAccessFacts }> {
    const { state } = await this.runner.load(caseDecider, caseStreamId(caseId));
    if (state.status === 'none') throw new CaseNotFound(caseId);
    const candidates = await this.db
      .selectFrom('referral_register')
      .select('referral_id')
      .where('case_id', '=', caseId)
      .execute();
    const referrals = [];
    for (const { referral_id } of candidates) {
      const referral = (await this.runner.load(referralDecider, referralStreamId(referral_id))).state;
      if (referral.status !== 'none')
        referrals.push({
          toAgency: referral.toAgency,
          status: referral.status,
          sharesPersonalData: referral.sharesPersonalData,
          toProvince: referral.toProvince,
        });
    }
    const grantUntil =
      actor.role === 'auditor'
        ? auditGrantUntil((await this.runner.load(accessLogDecider, accessLogStreamId(caseId))).state, actor.id)
        : null;
    return {
      case: state,
      facts: {
        owningAgency: state.owningAgency,
        province: state.province ?? this.config.deploymentProvince,
        referrals,
        auditGrantUntil: grantUntil,
        sharingBasis: state.consent || state.legalBasis !== null,
      },
    };
  }

  async read(actor: Actor, caseId: string, purpose: string, context: CommandContext): Promise<PersonalDataView> {
    const { case: found, facts } = await this.accessFacts(actor, caseId);
    const at = this.clock.now();
    const ground = personalDataGround(actor, facts, at);
    if (!ground) {
      // An officer who may not even see the case record is told what an unknown id would tell.
      // So is anyone outside the case's province who does not answer one of its referrals.
      if (!mayReadCase(actor, facts) && (!withinReach(actor, facts.province) || actor.role === 'agency_officer'))
        throw new CaseNotFound(caseId);
      throw new PersonalDataNotPermitted(caseId);
    }
    if (found.personalData === 'erased') throw new PersonalDataErased(found.personId);
    await this.append({ type: 'RecordPersonalDataRead', data: { caseId, purpose, ground }, actor, at }, context);
    const person = await this.vault.open<PersonalData>(found.personId, found.personalData);
    return { caseId, personId: found.personId, person, ground, readAt: at.toISOString() };
  }

  /** An auditor's reasoned, time-limited access to one case's personal data, itself on the record. */
  async grantAuditAccess(
    actor: Actor,
    caseId: string,
    reason: string,
    context: CommandContext,
  ): Promise<CommandOutcome<AccessLogEvent> & { until: string }> {
    if (actor.role !== 'auditor') throw new CaseNotPermitted(actor.role, 'GrantAuditAccess');
    const { state } = await this.runner.load(caseDecider, caseStreamId(caseId));
    if (state.status === 'none' || !withinReach(actor, state.province ?? this.config.deploymentProvince))
      throw new CaseNotFound(caseId);
    const at = this.clock.now();
    const until = new Date(at.getTime() + this.config.cases.auditGrantHours * 3600_000).toISOString();
    const outcome = await this.append(
      { type: 'GrantAuditAccess', data: { caseId, reason, until }, actor, at },
      { ...context, reason },
    );
    return { ...outcome, until };
  }

  /** Reads of one case are appended to its access log by many readers at once: a lost race is retried. */
  private async append(command: AccessLogCommand, context: CommandContext): Promise<CommandOutcome<AccessLogEvent>> {
    const { expectedRevision: _pinned, ...unpinned } = context;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runner.run(accessLogDecider, accessLogStreamId(command.data.caseId), command, unpinned);
      } catch (error) {
        if (!(error instanceof StaleRevision) || attempt >= 10) throw error;
      }
    }
  }
}
