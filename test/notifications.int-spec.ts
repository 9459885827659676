import { loadConfig } from '@ruamjai/config';
import { FixedClock, systemClock } from '@ruamjai/kernel';
import {
  DeadLetters,
  deliveryMigrations,
  EmailChannel,
  Notifier,
  subscriptionMigrations,
  SubscriptionDirectory,
  verifyWebhook,
  WebhookChannel,
  type DeliveryChannel,
} from '@ruamjai/notifications';
import { openEventStore, openReadModels } from '@ruamjai/platform';
import { casesMigrations } from '@ruamjai/cases';
import { planningMigrations } from '@ruamjai/planning';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { SEED_PEOPLE } from '../apps/cli/src/seed/sakaeo-2562-cases';
import { decodeMail, startSmtp } from './support/smtp';

/** A webhook receiver that checks signatures, and can be down (503) for a while. */
async function startReceiver(secret: string): Promise<{
  url: string;
  bodies: string[];
  refused: number;
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
  badSignatures: number;
}> {
  const state = { down: true, bodies: [] as string[], refused: 0, badSignatures: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (state.down) {
        state.refused += 1;
        res.writeHead(503).end();
        return;
      }
      const ok = verifyWebhook(
        secret,
        {
          timestamp: req.headers['x-ruamjai-timestamp'] as string,
          signature: req.headers['x-ruamjai-signature'] as string,
        },
        body,
        Date.now(),
      );
      if (!ok) {
        state.badSignatures += 1;
        res.writeHead(401).end();
        return;
      }
      state.bodies.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ruamjai`;
  return {
    url,
    get bodies() {
      return state.bodies;
    },
    get refused() {
      return state.refused;
    },
    get badSignatures() {
      return state.badSignatures;
    },
    setDown: (down) => {
      state.down = down;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('notifications from the Sa Kaeo seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-notify-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  let overdueReferralId: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const secret = 'province-gateway-secret';

  beforeAll(async () => {
    overdueReferralId = (await seedSakaeo2562(config)).cases.overdueReferralId;
    smtp = await startSmtp();
    receiver = await startReceiver(secret);
  }, 240_000);
  afterAll(async () => {
    await smtp?.close();
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One notifier process on the data folder: its own store and read-model handles. */
  const notifierProcess = async (options: { batchSize?: number; maxAttempts?: number } = {}) => {
    const store = openEventStore(config);
    const db = await openReadModels(config, [
      planningMigrations,
      casesMigrations,
      subscriptionMigrations,
      deliveryMigrations,
    ]);
    const directory = new SubscriptionDirectory(db);
    const email = new EmailChannel({ host: '127.0.0.1', port: smtp.port, from: 'ruamjai@sakaeo.example' });
    const channels: Record<string, DeliveryChannel> = { email, webhook: new WebhookChannel(() => new Date()) };
    const notifier = new Notifier(store, db, directory, channels, systemClock, {
      baseUrl: 'https://ruamjai.sakaeo.example',
      firstRetryMs: 20,
      maxRetryMs: 200,
      batchSize: options.batchSize ?? 500,
      maxAttempts: options.maxAttempts ?? 50,
      pollMs: 10,
    });
    return {
      notifier,
      directory,
      db,
      close: async () => {
        await notifier.stop();
        email.close();
        await store.close();
        await db.destroy();
      },
    };
  };

  it('sends one e-mail per recipient for an overdue referral, across a restart in the middle, and a gateway that was down gets its signed deliveries once it is up', async () => {
    const first = await notifierProcess({ batchSize: 1 });
    const at = new FixedClock(new Date('2019-01-01T00:00:00Z')).now();
    await first.directory.subscribe(
      {
        subscriptionId: 'emp-officer-1',
        agency: 'EMP-SK',
        role: 'agency_officer',
        channel: 'email',
        address: 'officer1@emp.sakaeo.example',
      },
      at,
    );
    await first.directory.subscribe(
      {
        subscriptionId: 'emp-officer-2',
        agency: 'EMP-SK',
        role: 'agency_officer',
        channel: 'email',
        address: 'officer2@emp.sakaeo.example',
      },
      at,
    );
    await first.directory.subscribe(
      {
        subscriptionId: 'emp-line-gateway',
        agency: 'EMP-SK',
        role: 'agency_officer',
        channel: 'webhook',
        address: receiver.url,
        secret,
      },
      at,
    );
    await first.directory.subscribe(
      {
        subscriptionId: 'psdhs-coordinator',
        agency: 'PSDHS-SK',
        role: 'coordinator',
        channel: 'email',
        address: 'coordinator@psdhs.sakaeo.example',
      },
      at,
    );
    await first.directory.subscribe(
      {
        subscriptionId: 'governor',
        agency: 'PROV-SK',
        role: 'chair',
        channel: 'email',
        address: 'chair@prov.sakaeo.example',
      },
      at,
    );

    const ofKind = (kind: string) =>
      smtp.mails.filter(
        (m) => m.raw.includes(`X-Ruamjai-Kind: ${kind}`) && decodeMail(m.raw).includes(overdueReferralId),
      );
    const overdueMails = () => ofKind('referral_overdue');
    const until = async (done: () => boolean, ms = 20_000) => {
      const end = Date.now() + ms;
      while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    };
    // The first process plans the log a little at a time and sends one delivery at a time until one of
    // the two officers has the overdue notice; then it is restarted, the other officer's still to send.
    while ((await first.notifier.plan()) > 0);
    for (let i = 0; i < 200 && overdueMails().length < 1; i++) await first.notifier.dispatch();
    const sentBefore = smtp.mails.length;
    expect(overdueMails()).toHaveLength(1);
    await first.close();

    const second = await notifierProcess();
    second.notifier.start();
    await until(() => overdueMails().length >= 2 && ofKind('referral_escalated').length >= 1);
    // The gateway was down all along: its deliveries are being retried.
    expect(receiver.refused).toBeGreaterThan(0);
    receiver.setDown(false);
    await until(() => receiver.bodies.some((b) => b.includes(overdueReferralId) && b.includes('referral_overdue')));
    await new Promise((r) => setTimeout(r, 300));
    await second.close();

    // A third start plans and sends nothing new: every id was derived from its event.
    const third = await notifierProcess();
    const mailsBefore = smtp.mails.length;
    await third.notifier.tick();
    await third.close();
    expect(smtp.mails.length).toBe(mailsBefore);

    expect(sentBefore).toBeGreaterThan(0);
    expect(
      overdueMails()
        .map((m) => m.to)
        .sort(),
    ).toEqual(['officer1@emp.sakaeo.example', 'officer2@emp.sakaeo.example']);
    const escalations = ofKind('referral_escalated');
    expect(escalations.map((m) => m.to)).toEqual(['coordinator@psdhs.sakaeo.example']);
    // Every delivery exactly once per recipient and channel.
    const ids = smtp.mails.map((m) => `${m.to}|${/X-Ruamjai-Delivery: (\S+)/.exec(m.raw)?.[1]}`);
    expect(new Set(ids).size).toBe(ids.length);
    const hooks = receiver.bodies.map((b) => (JSON.parse(b) as { deliveryId: string }).deliveryId);
    expect(new Set(hooks).size).toBe(hooks.length);
    expect(receiver.bodies.filter((b) => b.includes(overdueReferralId) && b.includes('referral_overdue'))).toHaveLength(
      1,
    );
    expect(receiver.badSignatures).toBe(0);
    // The plan's approval reached the secretariat, its submission the chair, in Thai and English.
    expect(smtp.mails.some((m) => m.to === 'chair@prov.sakaeo.example')).toBe(true);
  }, 120_000);

  it('names nobody: no message carries a name or any other personal field of the people in the cases', () => {
    const personal = Object.values(SEED_PEOPLE).flatMap((p) =>
      Object.values(p).filter((v): v is string => typeof v === 'string' && v.length >= 4),
    );
    const decoded = [...smtp.mails.map((m) => decodeMail(m.raw)), ...receiver.bodies];
    expect(decoded.length).toBeGreaterThan(0);
    for (const message of decoded) for (const value of personal) expect(message).not.toContain(value);
    // And every message is Thai first, English beside it.
    for (const message of decoded) expect(message).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('puts a delivery that keeps failing on the dead-letter list, and an operator replays it', async () => {
    const p = await notifierProcess({ maxAttempts: 2 });
    const at = new Date('2019-01-01T00:00:00Z');
    await p.directory.subscribe(
      {
        subscriptionId: 'broken-gateway',
        agency: 'PROV-SK',
        role: 'chair',
        channel: 'webhook',
        address: 'http://127.0.0.1:9/nowhere',
        secret,
      },
      at,
    );
    // Planning again from the checkpoint plans nothing for the past: re-plan from the start for this subscriber.
    await p.db.updateTable('projection_checkpoints').set({ position: '0' }).where('name', '=', 'notifier').execute();
    await p.notifier.plan();
    for (let i = 0; i < 5; i++) {
      await p.notifier.dispatch();
      await new Promise((r) => setTimeout(r, 250));
    }
    const deadLetters = new DeadLetters(p.db, systemClock);
    const dead = await deadLetters.list();
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.every((d) => d.address === 'http://127.0.0.1:9/nowhere' && d.attempts === 2)).toBe(true);
    expect(await deadLetters.replay(dead[0].deliveryId)).toBe(true);
    expect((await deadLetters.list()).length).toBe(dead.length - 1);
    await p.close();
  });
});
