import { loadConfig } from '@ruamjai/config';
import type { NewEvent } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { casesMigrations } from '@ruamjai/cases';
import { EmailChannel, notificationMigrations, Notifier, SubscriptionDirectory } from '@ruamjai/notifications';
import { openEventStore, openReadModels } from '@ruamjai/platform';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { startSmtp } from '../test/support/smtp';

export interface NotificationFigures {
  readonly deliveries: number;
  /** E-mails the notifier delivered per second, from a backlog of overdue referrals. */
  readonly notifierPerSecond: number;
  /** The floor: nodemailer alone sending as many messages of the same size to the same server, one at a time. */
  readonly barePerSecond: number;
  /** From the append of an event to the SMTP server's receipt of the last of its recipients' e-mails, with the notifier at its default poll. */
  readonly delay: { readonly p50: number; readonly p99: number; readonly count: number; readonly pollMs: number };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const meta = {
  actorId: 'system:referral-scheduler',
  agency: 'RUAMJAI',
  role: 'coordinator',
  correlationId: 'bench',
  causationId: 'bench',
  commandType: 'MarkReferralOverdue',
  schemaVersion: 1,
};
const overdue = (referralId: string): NewEvent => ({
  id: randomUUID(),
  type: 'ReferralOverdue',
  data: { referralId, caseId: randomUUID(), toAgency: 'EMP-SK', dueAt: '2019-05-03T03:00:00.000Z', urgency: 'urgent' },
  metadata: { ...meta, occurredAt: new Date().toISOString() },
});

/**
 * (l) Overdue-referral e-mails: `events` ReferralOverdue events for an agency with `recipients`
 * subscribed officers, delivered by the notifier from a backlog; beside it, nodemailer sending as
 * many messages to the same server. Then the delay from append to receipt, one event every 200 ms.
 */
export async function notificationFigures(dir: string, events = 200, recipients = 5): Promise<NotificationFigures> {
  const config = loadConfig({ DATA_DIR: join(dir, 'notify'), LOG_LEVEL: 'silent' });
  // Per event: when the last of its recipients' e-mails arrived, and how many have.
  const received = new Map<string, { at: number; n: number }>();
  let count = 0;
  const smtp = await startSmtp({
    keep: false,
    onMail: ({ raw }) => {
      count += 1;
      const id = /X-Ruamjai-Event: (\S+)/.exec(raw)?.[1];
      if (id) received.set(id, { at: performance.now(), n: (received.get(id)?.n ?? 0) + 1 });
    },
  });
  const store = openEventStore(config);
  const db = await openReadModels(config, [casesMigrations, notificationMigrations]);
  const email = new EmailChannel({ host: '127.0.0.1', port: smtp.port, from: 'ruamjai@bench.example' });
  try {
    const directory = new SubscriptionDirectory(db);
    for (let i = 0; i < recipients; i++)
      await directory.subscribe(
        {
          subscriptionId: `officer-${i}`,
          agency: 'EMP-SK',
          role: 'agency_officer',
          channel: 'email',
          address: `officer${i}@emp.bench.example`,
        },
        new Date(),
      );
    const appendOne = async () => {
      const referralId = randomUUID();
      const event = overdue(referralId);
      await store.append(`referral-${referralId}`, [event], { expected: 'any' });
      return event.id;
    };

    // Throughput from a backlog.
    for (let i = 0; i < events; i++) await appendOne();
    const deliveries = events * recipients;
    const backlog = new Notifier(store, db, directory, { email }, systemClock, {
      baseUrl: 'https://ruamjai.bench.example',
      pollMs: 5,
    });
    const started = performance.now();
    backlog.start();
    while (count < deliveries) await new Promise((r) => setTimeout(r, 5));
    const notifierSeconds = (performance.now() - started) / 1000;
    await backlog.stop();

    // The floor: the same number of messages of about the same size, nodemailer alone, one at a time.
    const bare = createTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    });
    const body = 'ก'.repeat(400);
    const bareStarted = performance.now();
    for (let i = 0; i < deliveries; i++)
      await bare.sendMail({
        from: 'ruamjai@bench.example',
        to: `officer${i % recipients}@emp.bench.example`,
        subject: 'bench',
        text: body,
      });
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    bare.close();

    // Delay at the default poll, one event every 50 ms.
    const pollMs = config.notifications.pollMs;
    const live = new Notifier(store, db, directory, { email }, systemClock, {
      baseUrl: 'https://ruamjai.bench.example',
      pollMs,
    });
    live.start();
    const appendedAt = new Map<string, number>();
    // Five e-mails every 200 ms: well under what it sends per second, so the delay is the notifier's, not a queue's.
    for (let i = 0; i < 100; i++) {
      const at = performance.now();
      appendedAt.set(await appendOne(), at);
      await new Promise((r) => setTimeout(r, 200));
    }
    const end = Date.now() + 30_000;
    const done = (id: string) => (received.get(id)?.n ?? 0) >= recipients;
    while ([...appendedAt.keys()].some((id) => !done(id)) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 10));
    await live.stop();
    const delays = [...appendedAt]
      .filter(([id]) => done(id))
      .map(([id, at]) => received.get(id)!.at - at)
      .sort((a, b) => a - b);
    return {
      deliveries,
      notifierPerSecond: deliveries / notifierSeconds,
      barePerSecond: deliveries / bareSeconds,
      delay: { p50: quantile(delays, 0.5), p99: quantile(delays, 0.99), count: delays.length, pollMs },
    };
  } finally {
    email.close();
    await store.close();
    await db.destroy();
    await smtp.close();
  }
}
