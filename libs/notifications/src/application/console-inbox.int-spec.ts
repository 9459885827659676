import { migrateReadModels, openSqliteReadModels } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleInbox, inboxMigrations } from './console-inbox';
import type { Delivery } from './notifier';

describe("the console's inbox (the bell)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-inbox-'));
  const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
  let now = new Date('2019-05-02T02:00:00.000Z');
  const inbox = new ConsoleInbox(db, () => now);
  const delivery = (deliveryId: string, address: string): Delivery => ({
    deliveryId,
    eventId: 'e-1',
    kind: 'referral_received',
    channel: 'console',
    address,
    secret: null,
    subject: { th: 'มีการส่งต่อเรื่อง', en: 'A referral arrived' },
    body: { th: 'รายละเอียด', en: 'Details' },
    link: '/referrals/r-1',
    // Served under a path of the public address: the bell links within the console, not to this.
    url: 'https://ruamjai.sakaeo.go.th/centre/referrals/r-1',
    occurredAt: '2019-05-02T01:59:00.000Z',
  });

  beforeAll(() => migrateReadModels(db as unknown as Kysely<unknown>, [inboxMigrations]));
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  it('keeps the console path of a notice, whatever the public address it is served under', async () => {
    await inbox.send(delivery('d-1', 'malee'));
    const { unread, items } = await inbox.list('malee');
    expect(unread).toBe(1);
    expect(items).toEqual([
      expect.objectContaining({
        id: 'd-1',
        link: '/referrals/r-1',
        readAt: null,
        deliveredAt: '2019-05-02T02:00:00.000Z',
      }),
    ]);
  });

  it('holds a delivery sent again after a crash once, and lets only its owner mark it read', async () => {
    await inbox.send(delivery('d-2', 'malee'));
    await inbox.send(delivery('d-2', 'malee'));
    expect((await inbox.list('malee')).unread).toBe(2);
    expect(await inbox.markRead('somsak', 'd-2')).toBe(0);
    expect(await inbox.has('somsak', 'd-2')).toBe(false);
    now = new Date('2019-05-02T03:00:00.000Z');
    expect(await inbox.markRead('malee', 'd-2')).toBe(1);
    expect(await inbox.markRead('malee')).toBe(1);
    expect((await inbox.list('malee', { unreadOnly: true })).items).toEqual([]);
  });
});
