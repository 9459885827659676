import type { EventStore } from '@ruamjai/event-store';
import { bangkokDate, type Clock, type EventMetadata } from '@ruamjai/kernel';
import {
  lockCheckpoint,
  readCheckpoint,
  writeCheckpoint,
  type CoreTables,
  type ReadModelDb,
} from '@ruamjai/read-models';
import type { Kysely, Migration, Transaction } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import { digestDayAt, digestMessage } from '../domain/digest';
import {
  commitmentDueNotice,
  nextAttemptAt,
  noticesFor,
  type DueCommitment,
  type Notice,
  type NoticeScope,
} from '../domain/notice';
import type { Audience } from '../domain/notice';
import type { Channel, Recipient, RecipientDirectory } from './recipients';

/** One message to one recipient on one channel, as a channel sends it. */
export interface Delivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly kind: string;
  readonly channel: Channel;
  readonly address: string;
  readonly secret: string | null;
  readonly subject: { th: string; en: string };
  readonly body: { th: string; en: string };
  /** The path in the console (what the bell links to)… */
  readonly link: string;
  /** …and the full link, under the public address (what e-mails and webhooks carry). */
  readonly url: string;
  readonly occurredAt: string;
}

/** A way to reach people. Throws when the far end did not take the message. */
export interface DeliveryChannel {
  send(delivery: Delivery): Promise<void>;
}

export type DeliveryTables = {
  notification_deliveries: {
    delivery_id: string;
    event_id: string;
    position: string;
    kind: string;
    channel: string;
    recipient_id: string;
    address: string;
    secret: string | null;
    payload: string;
    status: string;
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    created_at: string;
    sent_at: string | null;
    digest_id: string | null;
  };
  /** Notices of the calendar (a commitment falling due) already planned, by their derived id. */
  notification_calendar: { notice_id: string; planned_at: string };
};

/** The columns of the cases' commitment register the calendar reads. */
type CommitmentRegister = {
  commitment_register: {
    commitment_id: string;
    agency: string;
    target_kind: string;
    target_id: string;
    plan_id: string | null;
    resource: string;
    quantity: number | string;
    fulfilled: number | string;
    due_on: string;
    status: string;
  };
};

export const deliveryMigrations: Record<string, Migration> = {
  '0301-notification-deliveries': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notification_deliveries')
        .ifNotExists()
        .addColumn('delivery_id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('secret', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('notification_deliveries_due')
        .ifNotExists()
        .on('notification_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
    },
  },
  '0302-notification-digests-and-calendar': {
    async up(db: Kysely<unknown>) {
      // The digest a delivery was gathered into (its status then 'digested').
      await db.schema.alterTable('notification_deliveries').addColumn('digest_id', 'text').execute();
      await db.schema
        .createTable('notification_calendar')
        .ifNotExists()
        .addColumn('notice_id', 'text', (c) => c.primaryKey())
        .addColumn('planned_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/** Delivery ids derive from the event, the recipient and the channel: planning an event twice plans nothing new. */
const DELIVERY_NAMESPACE = '6f1b0c2e-6a57-4c1e-9a0e-2f9a8d3c7b41';
export const deliveryIdOf = (eventId: string, recipientId: string, channel: Channel): string =>
  uuidv5(`${eventId}|${recipientId}|${channel}`, DELIVERY_NAMESPACE);

export interface NotifierOptions {
  readonly baseUrl: string;
  readonly maxAttempts?: number;
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
  readonly batchSize?: number;
  readonly pollMs?: number;
  /**
   * DEPLOYMENT_PROVINCE: the province of plans, cases and referrals whose events name none (from
   * before provinces). With it, notices reach only the people of the province they concern; without
   * it (older tests and tools), they are not limited by province.
   */
  readonly deploymentProvince?: string;
  /** The case's owning agency, for notices that need it (an auditor's access grant). */
  readonly owningAgencyOf?: (caseId: string) => Promise<string | undefined>;
  /** The hour (Bangkok time, 0-23) at which each day's digest is sent; 7 by default. */
  readonly digestHour?: number;
  /**
   * How many days back a commitment that fell due while nothing was running is still announced (7 by
   * default): a restart after a weekend still reminds, a first start on years of history does not.
   */
  readonly commitmentGraceDays?: number;
  /** How often the calendar (commitments falling due) is looked at; a minute by default. */
  readonly calendarEveryMs?: number;
  /**
   * The projections whose views the notifier reads (the user directory for recipients, the case
   * register for a case's owner): it plans no event those have not reached, so a notice is never
   * planned for a directory that does not yet know the people it concerns.
   */
  readonly after?: readonly string[];
  /** Told what each round of sending did (for metrics). */
  readonly onDispatched?: (result: { sent: number; failed: number; dead: number }) => void;
  /** Told of a round that failed (the store or the database away); the next round tries again. */
  readonly onError?: (error: unknown) => void;
}

const NOTICE_NAMESPACE = 'a4f0d7e2-3c4b-4d8e-9b1a-6c2e8f0a5d93';
/** A calendar notice's id: one commitment, one due date, one notice. */
export const commitmentDueNoticeId = (commitmentId: string, dueOn: string): string =>
  uuidv5(`commitment-due|${commitmentId}|${dueOn}`, NOTICE_NAMESPACE);
/** A digest's id: one recipient, one channel, one Bangkok day. */
export const digestIdOf = (recipientId: string, channel: Channel, address: string, day: string): string =>
  uuidv5(`digest|${recipientId}|${channel}|${address}|${day}`, NOTICE_NAMESPACE);

const CHECKPOINT = 'notifier';

/** Events whose notices reach only the people of the province (or the two provinces) they concern. */
const SCOPED: ReadonlySet<string> = new Set([
  'ReferralSent',
  'ReferralOverdue',
  'ReferralEscalated',
  'PlanSubmitted',
  'PlanReturned',
  'PlanApproved',
  'FundRequestApproved',
  'FundRequestRejected',
  'FundRequestReturned',
  'AuditAccessGranted',
]);

type DeliveryRow = DeliveryTables['notification_deliveries'];

/** A delivery as first stored: due now, no attempt yet. */
function newDelivery(
  d: {
    deliveryId: string;
    eventId: string;
    position: string;
    kind: string;
    channel: string;
    recipientId: string;
    address: string;
    secret: string | null;
    status: 'pending' | 'digest';
  },
  payload: { subject: Delivery['subject']; body: Delivery['body']; link: string; occurredAt: string },
  now: Date,
): DeliveryRow {
  return {
    delivery_id: d.deliveryId,
    event_id: d.eventId,
    position: d.position,
    kind: d.kind,
    channel: d.channel,
    recipient_id: d.recipientId,
    address: d.address,
    secret: d.secret,
    payload: JSON.stringify(payload),
    status: d.status,
    attempts: 0,
    next_attempt_at: now.toISOString(),
    last_error: null,
    created_at: now.toISOString(),
    sent_at: null,
    digest_id: null,
  };
}

/**
 * Notifications driven by events, like a projection: it reads the log after its checkpoint, turns
 * each event into notices and each notice into one delivery a recipient and channel, and stores the
 * deliveries with the new checkpoint in one transaction (a restart replans nothing it planned, and
 * the ids would match if it did). A second loop sends what is due, retries with doubling back-off,
 * and after `maxAttempts` puts a delivery on the dead-letter list (`DeadLetters`), from where an operator replays it.
 * Nothing here is called from a command handler.
 */
export class Notifier {
  private readonly db: Kysely<DeliveryTables & CoreTables & CommitmentRegister>;
  private lastCalendarAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly store: EventStore,
    db: ReadModelDb,
    private readonly directory: RecipientDirectory,
    private readonly channels: Readonly<Partial<Record<Channel, DeliveryChannel>>>,
    private readonly clock: Clock,
    private readonly options: NotifierOptions,
  ) {
    this.db = db as unknown as Kysely<DeliveryTables & CoreTables & CommitmentRegister>;
  }

  private get maxAttempts(): number {
    return this.options.maxAttempts ?? 8;
  }

  /**
   * Plans the deliveries of the events after the checkpoint (one batch); returns how many events it
   * read. Recipients are looked up first; the deliveries and the new checkpoint are then written in one
   * transaction that holds the checkpoint's lock, and written only if no other process moved it meanwhile.
   */
  async plan(): Promise<number> {
    const core = this.db as unknown as Kysely<CoreTables>;
    const from = await readCheckpoint(core, CHECKPOINT);
    let bound: bigint | undefined;
    for (const name of this.options.after ?? []) {
      const reached = await readCheckpoint(core, name);
      bound = bound === undefined || reached < bound ? reached : bound;
    }
    if (bound !== undefined && bound <= from) return 0;
    const planned: Array<{ notice: Notice; position: bigint; recipients: Recipient[] }> = [];
    const recipientsFor = this.recipientsOnce();
    const firstOf = this.firstEventsOnce();
    let read = 0;
    let last = from;
    for await (const recorded of this.store.readAll({
      fromPosition: from === 0n ? 'start' : from + 1n,
      maxCount: this.options.batchSize ?? 500,
    })) {
      if (from !== 0n && recorded.position <= from) continue;
      if (bound !== undefined && recorded.position > bound) break;
      read += 1;
      last = recorded.position;
      const occurredAt =
        ((recorded.metadata ?? {}) as Partial<EventMetadata>).occurredAt ?? recorded.created.toISOString();
      const caseId = (recorded.data as { caseId?: string }).caseId;
      const owner =
        recorded.type === 'AuditAccessGranted' && caseId && this.options.owningAgencyOf
          ? await this.options.owningAgencyOf(caseId)
          : undefined;
      const data = recorded.data as Record<string, unknown>;
      for (const notice of noticesFor(
        { id: recorded.id, type: recorded.type, data, occurredAt },
        () => owner,
        await this.scopeOf(recorded.type, data, firstOf),
      )) {
        planned.push({ notice, position: recorded.position, recipients: await recipientsFor(notice.audience) });
      }
    }
    if (read === 0) return 0;
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const locked = await lockCheckpoint(trx as unknown as Transaction<CoreTables>, CHECKPOINT, now);
      // Another process planned this batch first: its deliveries carry the same ids; nothing to do.
      if (locked !== from) return 0;
      for (const { notice, position, recipients } of planned)
        for (const recipient of recipients) await this.insertDelivery(trx, notice, recipient, position, now);
      await writeCheckpoint(trx as unknown as Transaction<CoreTables>, CHECKPOINT, last, now);
      return read;
    });
  }

  /**
   * Where an event happened, for the notices that are limited by province: a referral's two provinces
   * from its ReferralSent, a plan's (and its Fund requests') from its PlanDrafted, a case's from its
   * CaseOpened; what names none is the deployment's.
   */
  private async scopeOf(
    type: string,
    data: Readonly<Record<string, unknown>>,
    firstOf: (streamId: string) => Promise<Readonly<Record<string, unknown>> | undefined>,
  ): Promise<NoticeScope | undefined> {
    const home = this.options.deploymentProvince;
    if (!home || !SCOPED.has(type)) return undefined;
    const named = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
    if (type.startsWith('Referral')) {
      const sent = type === 'ReferralSent' ? data : await firstOf(`referral-${named(data.referralId) ?? ''}`);
      const province = named(sent?.province) ?? home;
      return { province, toProvince: named(sent?.toProvince) ?? province };
    }
    if (type === 'AuditAccessGranted')
      return { province: named((await firstOf(`case-${named(data.caseId) ?? ''}`))?.province) ?? home };
    return { province: named((await firstOf(`plan-${named(data.planId) ?? ''}`))?.provinceCode) ?? home };
  }

  /** The first event's data of a stream, read once per batch (a plan's many events share one read). */
  private firstEventsOnce(): (streamId: string) => Promise<Readonly<Record<string, unknown>> | undefined> {
    const known = new Map<string, Promise<Readonly<Record<string, unknown>> | undefined>>();
    return (streamId) => {
      if (!known.has(streamId))
        known.set(
          streamId,
          (async () => {
            try {
              for await (const event of this.store.readStream(streamId, { maxCount: 1 }))
                return event.data as Record<string, unknown>;
            } catch {
              // A stream that is not there (deleted, or never written) leaves the deployment's province.
            }
            return undefined;
          })(),
        );
      return known.get(streamId)!;
    };
  }

  /** The directory asked once per audience within one batch. */
  private recipientsOnce(): (audience: Audience) => Promise<Recipient[]> {
    const known = new Map<string, Promise<Recipient[]>>();
    return (audience) => {
      const key = `${audience.agency ?? ''}|${audience.role ?? ''}|${audience.readers?.join(',') ?? ''}|${audience.provinces?.join(',') ?? '*'}`;
      if (!known.has(key)) known.set(key, this.directory.recipientsFor(audience));
      return known.get(key)!;
    };
  }

  /**
   * Plans the notices of the calendar: each commitment still open on or after the day it falls due
   * (within the grace days), once per due date. Returns how many notices it planned.
   */
  async planCalendar(): Promise<number> {
    const now = this.clock.now();
    const today = bangkokDate(now);
    const earliest = new Date(Date.parse(`${today}T00:00:00Z`) - (this.options.commitmentGraceDays ?? 7) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const due = await this.db
      .selectFrom('commitment_register')
      .select([
        'commitment_id',
        'agency',
        'target_kind',
        'target_id',
        'plan_id',
        'resource',
        'quantity',
        'fulfilled',
        'due_on',
      ])
      .where('status', '=', 'pledged')
      .where('due_on', '<=', today)
      .where('due_on', '>=', earliest)
      .orderBy('due_on')
      .orderBy('commitment_id')
      .execute();
    if (due.length === 0) return 0;
    const ids = due.map((c) => commitmentDueNoticeId(c.commitment_id, c.due_on));
    const done = new Set(
      (
        await this.db.selectFrom('notification_calendar').select('notice_id').where('notice_id', 'in', ids).execute()
      ).map((r) => r.notice_id),
    );
    if (ids.every((id) => done.has(id))) return 0;
    const recipientsFor = this.recipientsOnce();
    const position = (await this.store.headPosition()) ?? 0n;
    const planned: Array<{ notice: Notice; recipients: Recipient[] }> = [];
    for (const [i, c] of due.entries()) {
      const noticeId = ids[i];
      if (done.has(noticeId)) continue;
      const commitment: DueCommitment = {
        commitmentId: c.commitment_id,
        agency: c.agency,
        resource: c.resource,
        quantity: Number(c.quantity),
        fulfilled: Number(c.fulfilled),
        dueOn: c.due_on,
        target:
          c.target_kind === 'case'
            ? { kind: 'case', caseId: c.target_id }
            : { kind: 'project', planId: c.plan_id ?? '', projectId: c.target_id },
      };
      const notice = commitmentDueNotice(commitment, noticeId, now.toISOString());
      planned.push({ notice, recipients: await recipientsFor(notice.audience) });
    }
    if (planned.length === 0) return 0;
    await this.db.transaction().execute(async (trx) => {
      for (const { notice, recipients } of planned) {
        const inserted = await trx
          .insertInto('notification_calendar')
          .values({ notice_id: notice.eventId, planned_at: now.toISOString() })
          .onConflict((oc) => oc.column('notice_id').doNothing())
          .executeTakeFirst();
        // Another process planned it first, with the same ids.
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
        for (const recipient of recipients) await this.insertDelivery(trx, notice, recipient, position, now);
      }
    });
    return planned.length;
  }

  /**
   * From the digest hour on, gathers what waited for each recipient's daily digest into one delivery
   * (id derived from recipient, channel and day), in one transaction with marking what it gathered.
   * Returns how many digests it planned.
   */
  async collectDigests(): Promise<number> {
    const now = this.clock.now();
    const due = digestDayAt(now, this.options.digestHour ?? 7);
    if (!due) return 0;
    const waiting = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('status', '=', 'digest')
      .where('created_at', '<', due.cutoff.toISOString())
      .orderBy('position')
      .orderBy('delivery_id')
      .execute();
    const groups = new Map<string, typeof waiting>();
    for (const row of waiting) {
      const key = `${row.recipient_id}|${row.channel}|${row.address}`;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    let planned = 0;
    for (const rows of groups.values()) {
      const first = rows[0];
      const digestId = digestIdOf(first.recipient_id, first.channel as Channel, first.address, due.day);
      const items = rows.map((r) => {
        const payload = JSON.parse(r.payload) as { subject: Delivery['subject']; link: string };
        return { subject: payload.subject, url: this.urlOf(payload.link) };
      });
      const message = digestMessage(items, due.day);
      await this.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('notification_deliveries')
          .values(
            newDelivery(
              {
                deliveryId: digestId,
                eventId: digestId,
                position: first.position,
                kind: 'daily_digest',
                channel: first.channel,
                recipientId: first.recipient_id,
                address: first.address,
                secret: first.secret,
                status: 'pending',
              },
              { subject: message.subject, body: message.body, link: '/notifications', occurredAt: now.toISOString() },
              now,
            ),
          )
          .onConflict((oc) => oc.column('delivery_id').doNothing())
          .executeTakeFirst();
        // Today's digest for this recipient went already: these wait for tomorrow's.
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return;
        await trx
          .updateTable('notification_deliveries')
          .set({ status: 'digested', digest_id: digestId })
          .where('status', '=', 'digest')
          .where(
            'delivery_id',
            'in',
            rows.map((r) => r.delivery_id),
          )
          .execute();
        planned += 1;
      });
    }
    return planned;
  }

  private urlOf(link: string): string {
    return `${this.options.baseUrl.replace(/\/$/, '')}${link}`;
  }

  private async insertDelivery(
    trx: Transaction<DeliveryTables & CoreTables & CommitmentRegister>,
    notice: Notice,
    recipient: Recipient,
    position: bigint,
    now: Date,
  ): Promise<void> {
    await trx
      .insertInto('notification_deliveries')
      .values(
        newDelivery(
          {
            deliveryId: deliveryIdOf(notice.eventId, recipient.id, recipient.channel),
            eventId: notice.eventId,
            // Zero-padded, so the text column sorts in log order.
            position: position.toString().padStart(20, '0'),
            kind: notice.kind,
            channel: recipient.channel,
            recipientId: recipient.id,
            address: recipient.address,
            secret: recipient.secret,
            // A daily digest gathers these; they wait here until it is sent.
            status: recipient.digest ? 'digest' : 'pending',
          },
          { subject: notice.subject, body: notice.body, link: notice.link, occurredAt: notice.occurredAt },
          now,
        ),
      )
      .onConflict((oc) => oc.column('delivery_id').doNothing())
      .execute();
  }

  /** Sends the deliveries that are due; returns what became of them. */
  async dispatch(): Promise<{ sent: number; failed: number; dead: number }> {
    const now = this.clock.now();
    const due = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('position')
      .orderBy('delivery_id')
      .limit(this.options.batchSize ?? 500)
      .execute();
    const result = { sent: 0, failed: 0, dead: 0 };
    for (const row of due) {
      const channel = this.channels[row.channel as Channel];
      const payload = JSON.parse(row.payload) as {
        subject: Delivery['subject'];
        body: Delivery['body'];
        link: string;
        occurredAt: string;
      };
      try {
        if (!channel) throw new Error(`no ${row.channel} channel configured`);
        await channel.send({
          deliveryId: row.delivery_id,
          eventId: row.event_id,
          kind: row.kind,
          channel: row.channel as Channel,
          address: row.address,
          secret: row.secret,
          subject: payload.subject,
          body: payload.body,
          link: payload.link,
          url: this.urlOf(payload.link),
          occurredAt: payload.occurredAt,
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        const dead = attempts >= this.maxAttempts;
        const retryAt = new Date(
          nextAttemptAt(
            this.clock.now().getTime(),
            attempts,
            this.options.firstRetryMs ?? 1000,
            this.options.maxRetryMs ?? 15 * 60_000,
          ),
        );
        await this.db
          .updateTable('notification_deliveries')
          .set({
            status: dead ? 'dead' : 'pending',
            attempts,
            next_attempt_at: retryAt.toISOString(),
            last_error: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
          })
          .where('delivery_id', '=', row.delivery_id)
          .execute();
        if (dead) result.dead += 1;
        else result.failed += 1;
        continue;
      }
      // Taken by the far end. Recording it is outside the attempt: if it fails, the round fails and the
      // message goes again (at least once), and is never counted as a failed attempt or dead-lettered.
      await this.db
        .updateTable('notification_deliveries')
        .set({ status: 'sent', attempts: row.attempts + 1, sent_at: this.clock.now().toISOString(), last_error: null })
        .where('delivery_id', '=', row.delivery_id)
        .execute();
      result.sent += 1;
    }
    return result;
  }

  /** One round: plan what the log and the calendar call for, gather the day's digests, then send what is due. */
  async tick(): Promise<void> {
    // A long backlog is planned a batch at a time, with sending in between.
    for (let batches = 0; batches < 20 && (await this.plan()) > 0; batches++);
    const now = this.clock.now().getTime();
    if (now - this.lastCalendarAt >= (this.options.calendarEveryMs ?? 60_000)) {
      this.lastCalendarAt = now;
      // A calendar that cannot be read (the commitment register not there yet) holds back no message.
      await this.planCalendar().catch((error: unknown) => this.options.onError?.(error));
      await this.collectDigests().catch((error: unknown) => this.options.onError?.(error));
    }
    const result = await this.dispatch();
    this.options.onDispatched?.(result);
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 1000);
        });
    };
    loop();
  }

  /** Stops after the round under way: every message it sent is marked sent before this resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
