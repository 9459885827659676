import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { Inject, Injectable } from '@nestjs/common';
import { collect, EVENT_STORE, StreamNotFound, type EventStore, type RecordedEvent } from '@ruamjai/event-store';
import type { Actor, EventMetadata } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { CaseNotPermitted, mayReadCase } from '../access/case-access';
import { caseStreamId } from '../case/case.events';
import { CaseNotFound } from '../case/case.errors';
import { referralStreamId } from '../referral/referral.events';
import type { ReferralStatus } from '../referral/referral.state';
import type { CasesTables } from '../projections/cases-tables';

export interface CaseHistoryEntry {
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly occurredAt: string | null;
  readonly actor: string | null;
  readonly agency: string | null;
  readonly role: string | null;
  readonly reason: string | null;
  readonly correlationId: string | null;
  /** The event's data, with sealed personal data shown as "[sealed]": a history never opens it. */
  readonly data: Record<string, unknown>;
}

const SEALED = '[sealed]';

/**
 * A case's history from the log itself, with its referrals' events in log order: who did what, for
 * which agency, when and why. Personal data stays sealed (reading it is a separate, logged act), so
 * the history and its CSV export stay free of plaintext before and after an erasure.
 */
@Injectable()
export class CaseHistory {
  private readonly db: Kysely<CasesTables>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  async history(actor: Actor, caseId: string): Promise<CaseHistoryEntry[]> {
    if (
      actor.role !== 'coordinator' &&
      actor.role !== 'auditor' &&
      actor.role !== 'agency_officer' &&
      actor.role !== 'national_auditor'
    )
      throw new CaseNotPermitted(actor.role, 'read case history');
    const caseEvents = await this.read(caseStreamId(caseId));
    if (caseEvents.length === 0) throw new CaseNotFound(caseId);
    const referrals = await this.db
      .selectFrom('referral_register')
      .select(['referral_id', 'to_agency', 'to_province', 'status', 'shares_personal_data'])
      .where('case_id', '=', caseId)
      .execute();
    const opened = caseEvents[0].data as { owningAgency: string; province?: string };
    const facts = {
      owningAgency: opened.owningAgency,
      province: opened.province ?? this.config.deploymentProvince,
      referrals: referrals.map((r) => ({
        toAgency: r.to_agency,
        status: r.status as ReferralStatus,
        sharesPersonalData: r.shares_personal_data === 1,
        toProvince: r.to_province,
      })),
    };
    // An outsider is told what an unknown id would tell: nothing.
    if (!mayReadCase(actor, facts)) throw new CaseNotFound(caseId);
    const referralEvents = (await Promise.all(referrals.map((r) => this.read(referralStreamId(r.referral_id))))).flat();
    return [...caseEvents, ...referralEvents]
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
      .map(toEntry);
  }

  private async read(streamId: string): Promise<RecordedEvent[]> {
    try {
      return await collect(this.store.readStream(streamId));
    } catch (error) {
      if (error instanceof StreamNotFound) return [];
      throw error;
    }
  }
}

function toEntry(event: RecordedEvent): CaseHistoryEntry {
  const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
  const data = { ...(event.data as Record<string, unknown>) };
  if ('personalData' in data) data.personalData = SEALED;
  return {
    stream: event.streamId,
    revision: Number(event.revision),
    position: event.position.toString(),
    type: event.type,
    occurredAt: meta.occurredAt ?? null,
    actor: meta.actorId ?? null,
    agency: meta.agency ?? null,
    role: meta.role ?? null,
    reason: meta.reason ?? null,
    correlationId: meta.correlationId ?? null,
    data,
  };
}
