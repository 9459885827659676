import { casesMigrations } from '@ruamjai/cases';
import { loadConfig } from '@ruamjai/config';
import type { EventStore } from '@ruamjai/event-store';
import { systemClock, type Role } from '@ruamjai/kernel';
import {
  deliveryIdOf,
  deliveryMigrations,
  EmailChannel,
  noticesFor,
  Notifier,
  subscriptionMigrations,
  SubscriptionDirectory,
  type DeliveryTables,
} from '@ruamjai/notifications';
import { planningMigrations } from '@ruamjai/planning';
import { openEventStore, openReadModels } from '@ruamjai/platform';
import { readCheckpoint, type CoreTables, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { spawnTs, type TsChild } from './support/child-process';

/** A message the SMTP server took responsibility for (the whole DATA in hand), before it answered 250. */
interface Accepted {
  readonly deliveryId: string;
  readonly messageId: string;
  readonly to: string;
}

/**
 * A real SMTP server, slow to answer: it greets each connection only after 100 ms (smtp-server's
 * early-talker check), takes a message at the end of DATA and answers 250 only `ackDelayMs` later. A
 * client that dies in between has had its message taken without hearing so, the lost acknowledgement
 * of RFC 1047, which a client that delivers at least once must repeat. The test kills the notifier from
 * the server's hooks, so the kill lands at a chosen point of an SMTP transaction, not wherever a timer fell.
 */
async function startSlowSmtp(ackDelayMs: number) {
  const accepted: Accepted[] = [];
  const hooks: { onRcpt?: () => void; onAccepted?: (message: Accepted) => void } = {};
  let transactions = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      transactions += 1;
      hooks.onRcpt?.();
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        for (const to of session.envelope.rcptTo) {
          const message = {
            deliveryId: /^X-Ruamjai-Delivery: (\S+)/m.exec(raw)?.[1] ?? '',
            messageId: /^Message-ID: <([^>]+)>/im.exec(raw)?.[1] ?? '',
            to: to.address,
          };
          accepted.push(message);
          hooks.onAccepted?.(message);
        }
        setTimeout(callback, ackDelayMs);
      });
    },
  });
  // A killed client resets its connection; that is the point, not an error of the test.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    accepted,
    hooks,
    /** RCPT commands seen: a sign of any attempt to send, taken or not. */
    get transactions() {
      return transactions;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Twenty people, each on six desks: the coordinators' (at EMP-SK, so its referrals too), the chair's
 * and the officers' of the four other agencies the seed's referrals go to. Each hears every one of the
 * ten notices of the Sa Kaeo log once: 200 e-mails, ten per mailbox, to check for order.
 */
const PEOPLE = 20;
const DESKS: ReadonlyArray<{ agency: string; role: Role }> = [
  { agency: 'EMP-SK', role: 'coordinator' },
  { agency: 'PROV-SK', role: 'chair' },
  { agency: 'SHELTER-SK', role: 'agency_officer' },
  { agency: 'HEALTH-SK', role: 'agency_officer' },
  { agency: 'PSDHS-SK', role: 'agency_officer' },
  { agency: 'POL-SK', role: 'agency_officer' },
];

interface Planned {
  readonly position: bigint;
  readonly address: string;
}

/** What the log calls for, worked out apart from the notifier: every delivery's id, position and address. */
async function deliveriesOfLog(store: EventStore, directory: SubscriptionDirectory): Promise<Map<string, Planned>> {
  const planned = new Map<string, Planned>();
  for await (const e of store.readAll()) {
    for (const notice of noticesFor({
      id: e.id,
      type: e.type,
      data: e.data as Record<string, unknown>,
      occurredAt: e.created.toISOString(),
    })) {
      for (const r of await directory.recipientsFor(notice.audience))
        planned.set(deliveryIdOf(e.id, r.id, r.channel), { position: e.position, address: r.address });
    }
  }
  return planned;
}

/** What a killed notifier left stored. */
interface Stored {
  readonly checkpoint: bigint;
  readonly rows: ReadonlyArray<{ delivery_id: string; status: string; position: string; address: string }>;
  readonly sent: string[];
}

async function stored(db: ReadModelDb): Promise<Stored> {
  const k = db as unknown as Kysely<DeliveryTables & CoreTables>;
  const rows = await k
    .selectFrom('notification_deliveries')
    .select(['delivery_id', 'status', 'position', 'address'])
    .where('channel', '=', 'email')
    .orderBy('position')
    .orderBy('delivery_id')
    .execute();
  return {
    checkpoint: await readCheckpoint(db, 'notifier'),
    rows,
    sent: rows
      .filter((r) => r.status === 'sent')
      .map((r) => r.delivery_id)
      .sort(),
  };
}

/**
 * Reads what is stored, again and again, while the notifier plans (each reading one snapshot of the
 * checkpoint and the deliveries), and keeps each state read where the deliveries are not exactly those
 * of the events up to the checkpoint, with how many readings saw it. Stops by itself once the checkpoint
 * reaches the head. Sampling: a state that lasts well under a millisecond may go unseen.
 */
function watchPlanning(db: ReadModelDb, planned: Map<string, Planned>, head: bigint) {
  const k = db as unknown as Kysely<DeliveryTables & CoreTables>;
  const expectedUpTo = (cp: bigint) => [...planned.values()].filter((d) => d.position <= cp).length;
  const inconsistent = new Map<string, { checkpoint: bigint; stored: number; expected: number; readings: number }>();
  /** The checkpoints read between the start of the log and its head: planning seen in progress. */
  const seen = new Set<bigint>();
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const { checkpoint, stored } = await k.transaction().execute(async (trx) => ({
        checkpoint: await readCheckpoint(trx as unknown as ReadModelDb, 'notifier'),
        stored: Number(
          (
            await trx
              .selectFrom('notification_deliveries')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      }));
      if (checkpoint > 0n && checkpoint < head) seen.add(checkpoint);
      if (stored !== expectedUpTo(checkpoint)) {
        const key = `${checkpoint} ${stored}`;
        inconsistent.set(key, {
          checkpoint,
          stored,
          expected: expectedUpTo(checkpoint),
          readings: (inconsistent.get(key)?.readings ?? 0) + 1,
        });
      }
      if (checkpoint === head) break;
      // A reading a millisecond, leaving the event loop to the SMTP server and a core to the notifier.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  return {
    inconsistent,
    seen,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

const state = (line: string) => {
  const [word, checkpoint, sent, pending] = line.split(' ');
  return word === 'state'
    ? { checkpoint: BigInt(checkpoint), sent: Number(sent), pending: Number(pending) }
    : undefined;
};
const sorted = <T>(values: Iterable<T>) => [...values].sort();

describe('the notifier killed with SIGKILL and restarted', () => {
  jest.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-notifier-crash-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  let smtp: Awaited<ReturnType<typeof startSlowSmtp>>;
  let store: EventStore;
  let db: ReadModelDb;
  let child: TsChild | undefined;
  let head: bigint;
  let planned: Map<string, Planned>;
  // What each kill left behind and what the server had taken by then.
  let duringPlanning: { stored: Stored; accepted: string[]; restartedAt: string };
  let midSend: { stored: Stored; accepted: string[]; inFlight: string; restartedAt: string };
  let final: Stored;
  let watched: ReturnType<typeof watchPlanning>;
  let afterAllSent: { checkpoint: bigint; transactions: number; rows: number };

  const spawnNotifier = () => (child = spawnTs('test/support/notifier-process.ts', [dir, String(smtp.port)]));
  /** Arms a server hook with a SIGKILL of the running notifier; resolves once it fired and the process is gone. */
  const killedBy = async (arm: (kill: () => void) => void) => {
    const running = child!;
    // A notifier that dies on its own (or never reaches the hook) fails the run with its stderr.
    const died = running.waitForLine(() => false, 60_000).catch((error: Error) => error);
    const killed = new Promise<'killed'>((resolve) =>
      arm(() => {
        // Synchronous, inside the server's handler: the notifier cannot hear the answer it is waiting for.
        running.process.kill('SIGKILL');
        resolve('killed');
      }),
    );
    const first = await Promise.race([killed, died]);
    if (first !== 'killed') throw first instanceof Error ? first : new Error(`the notifier said: ${first}`);
    await running.kill();
  };

  beforeAll(async () => {
    await seedSakaeo2562(config);
    smtp = await startSlowSmtp(10);
    store = openEventStore(config);
    db = await openReadModels(config, [
      planningMigrations,
      casesMigrations,
      subscriptionMigrations,
      deliveryMigrations,
    ]);
    const directory = new SubscriptionDirectory(db);
    const at = new Date('2019-01-01T00:00:00Z');
    for (let p = 1; p <= PEOPLE; p++) {
      for (const desk of DESKS)
        await directory.subscribe(
          {
            subscriptionId: `person-${p}-${desk.agency}-${desk.role}`,
            agency: desk.agency,
            role: desk.role,
            channel: 'email',
            address: `person${p}@sakaeo.example`,
          },
          at,
        );
    }
    head = (await store.headPosition())!;
    planned = await deliveriesOfLog(store, directory);

    // The store is read every millisecond from here until the log is planned to its head.
    watched = watchPlanning(db, planned, head);
    // 1. Killed as its first e-mail is under way (RCPT, nothing taken yet), with the log only part planned:
    //    a round plans 40 events in batches of two before it sends.
    spawnNotifier();
    await killedBy((kill) => (smtp.hooks.onRcpt = () => ((smtp.hooks.onRcpt = undefined), kill())));
    duringPlanning = {
      stored: await stored(db),
      accepted: sorted(new Set(smtp.accepted.map((m) => m.deliveryId))),
      restartedAt: '',
    };

    // 2. Restarted; killed once the server has taken a third of the e-mails, on the message it has just
    //    taken and not yet acknowledged.
    spawnNotifier();
    duringPlanning.restartedAt = await child!.waitForLine((l) => l.startsWith('started '));
    let inFlight = '';
    await killedBy(
      (kill) =>
        (smtp.hooks.onAccepted = (message) => {
          if (new Set(smtp.accepted.map((m) => m.deliveryId)).size < Math.floor(planned.size / 3)) return;
          smtp.hooks.onAccepted = undefined;
          inFlight = message.deliveryId;
          kill();
        }),
    );
    await watched.stop();
    midSend = {
      stored: await stored(db),
      accepted: sorted(new Set(smtp.accepted.map((m) => m.deliveryId))),
      inFlight,
      restartedAt: '',
    };

    // 3. Restarted, and left to send everything.
    spawnNotifier();
    midSend.restartedAt = await child!.waitForLine((l) => l.startsWith('started '));
    await child!.waitForLine((l) => state(l)?.sent === planned.size && state(l)?.pending === 0, 60_000);
    await child!.kill();
    final = await stored(db);

    // 4. A notifier started once more over what is stored (in this process, to save a process start):
    //    one whole round, planning and sending, with nothing left to do.
    const transactions = smtp.transactions;
    const email = new EmailChannel({ host: '127.0.0.1', port: smtp.port, from: 'ruamjai@sakaeo.example' });
    await new Notifier(store, db, directory, { email }, systemClock, {
      baseUrl: 'https://ruamjai.sakaeo.example',
      batchSize: 2,
    }).tick();
    email.close();
    afterAllSent = {
      checkpoint: (await stored(db)).checkpoint,
      transactions: smtp.transactions - transactions,
      rows: (await stored(db)).rows.length,
    };
  }, 180_000);

  afterAll(async () => {
    await child?.kill();
    await smtp?.close();
    await store?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans hundreds of e-mails from the Sa Kaeo log for the twenty subscribers', () => {
    expect(planned.size).toBe(PEOPLE * 10);
  });

  it('stores deliveries only with the checkpoint that covers them, so a SIGKILL at any instant of planning loses none: every reading of the store while it planned held exactly the deliveries of the events up to its checkpoint', () => {
    // What a SIGKILL at an instant leaves is what was committed at that instant: each reading stands for a kill there.
    expect(watched.seen.size).toBeGreaterThan(5);
    expect([...watched.inconsistent.values()]).toEqual([]);
  });

  it('resumes planning from its stored checkpoint: killed with the log part planned, it holds exactly the deliveries of the events up to the checkpoint, and the restart starts there', () => {
    const { checkpoint, rows } = duringPlanning.stored;
    expect(checkpoint).toBeGreaterThan(0n);
    expect(checkpoint).toBeLessThan(head);
    const upTo = (cp: bigint) => sorted([...planned].filter(([, d]) => d.position <= cp).map(([id]) => id));
    expect(sorted(rows.map((r) => r.delivery_id))).toEqual(upTo(checkpoint));
    expect(duringPlanning.restartedAt).toBe(`started ${checkpoint}`);
    // The same after the kill while sending, wherever planning had got to by then.
    expect(sorted(midSend.stored.rows.map((r) => r.delivery_id))).toEqual(upTo(midSend.stored.checkpoint));
    expect(midSend.restartedAt).toBe(`started ${midSend.stored.checkpoint}`);
  });

  it('marks an e-mail sent only after the mail server acknowledged it: at each kill the rows marked sent are the messages taken, less the one whose 250 the kill cut off', () => {
    const markedSentThoughNotTaken = (k: { stored: Stored; accepted: string[] }) =>
      k.stored.sent.filter((id) => !k.accepted.includes(id));
    // Killed at the first RCPT: the server had taken nothing, so nothing may be marked sent.
    expect(duringPlanning.accepted).toEqual([]);
    expect({ markedSentThoughNotTaken: markedSentThoughNotTaken(duringPlanning) }).toEqual({
      markedSentThoughNotTaken: [],
    });
    // Killed between the end of DATA and the 250: every message before that one was acknowledged and is
    // marked sent; that one is still pending, to be sent again.
    expect(midSend.inFlight).not.toBe('');
    expect({ markedSentThoughNotTaken: markedSentThoughNotTaken(midSend) }).toEqual({ markedSentThoughNotTaken: [] });
    expect({
      acknowledgedButNotMarkedSent: midSend.accepted.filter(
        (id) => id !== midSend.inFlight && !midSend.stored.sent.includes(id),
      ),
    }).toEqual({ acknowledgedButNotMarkedSent: [] });
    expect(midSend.stored.rows.find((r) => r.delivery_id === midSend.inFlight)?.status).toBe('pending');
  });

  it('sends every planned e-mail at least once across two SIGKILLs, and none that was not planned, each with its delivery id as Message-ID', () => {
    const received = new Set(smtp.accepted.map((m) => m.deliveryId));
    expect(sorted(final.rows.map((r) => r.delivery_id))).toEqual(sorted(planned.keys()));
    expect(final.rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect({ neverReceived: sorted(planned.keys()).filter((id) => !received.has(id)) }).toEqual({ neverReceived: [] });
    expect({ receivedButNotPlanned: sorted(received).filter((id) => !planned.has(id)) }).toEqual({
      receivedButNotPlanned: [],
    });
    for (const m of smtp.accepted) {
      expect(m.messageId).toBe(`${m.deliveryId}@ruamjai`);
      expect(m.to).toBe(planned.get(m.deliveryId)?.address);
    }
  });

  it('repeats only the e-mail whose acknowledgement a kill cut off: at most one per kill, as dispatch sends one at a time and records each before the next', () => {
    const times = new Map<string, number>();
    for (const m of smtp.accepted) times.set(m.deliveryId, (times.get(m.deliveryId) ?? 0) + 1);
    const repeated = [...times].filter(([, n]) => n > 1);
    // The kill at RCPT cut off a message the server never took: nothing to repeat. The kill after DATA
    // cut off a 250: that message, and only that one, was sent twice.
    expect({ repeated }).toEqual({ repeated: [[midSend.inFlight, 2]] });
    expect(smtp.accepted.length).toBe(planned.size + 1);
  });

  it('delivers to each mailbox in log order once repeats are dropped', () => {
    const firstSeen = new Map<string, bigint[]>();
    const seen = new Set<string>();
    for (const m of smtp.accepted) {
      if (seen.has(m.deliveryId)) continue;
      seen.add(m.deliveryId);
      firstSeen.set(m.to, [...(firstSeen.get(m.to) ?? []), planned.get(m.deliveryId)!.position]);
    }
    expect(firstSeen.size).toBe(PEOPLE);
    for (const [to, positions] of firstSeen) {
      const inLogOrder = [...planned.values()]
        .filter((d) => d.address === to)
        .map((d) => d.position)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect({ to, positions }).toEqual({ to, positions: inLogOrder });
    }
  });

  it('sends nothing on a start after everything was sent: it resumes at the head, plans nothing and finds nothing due', () => {
    expect(final.checkpoint).toBe(head);
    expect(afterAllSent).toEqual({ checkpoint: head, transactions: 0, rows: planned.size });
  });
});
