/**
 * A notifier in a process of its own, for tests that kill it. Usage:
 *   notifier-process.ts <data folder> <smtp port>
 * Plans the folder's log and sends e-mail to the SMTP server on 127.0.0.1:<port>. Prints
 * "started <checkpoint>" once running (the checkpoint it found stored), then
 * "state <checkpoint> <sent> <pending>" every 50 ms, read from its read-model store, until it is killed.
 */
import { loadConfig } from '@ruamjai/config';
import { systemClock } from '@ruamjai/kernel';
import {
  deliveryMigrations,
  EmailChannel,
  Notifier,
  subscriptionMigrations,
  SubscriptionDirectory,
  type DeliveryTables,
} from '@ruamjai/notifications';
import { openEventStore, openReadModels } from '@ruamjai/platform';
import { readCheckpoint, type CoreTables } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';

async function main(): Promise<void> {
  const [dataDir, smtpPort] = process.argv.slice(2);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const store = openEventStore(config);
  // Only the notifier's own tables: the planning and case tables are migrated by whoever wrote them
  // (openReadModels leaves migrations it does not know alone), and their modules take seconds to load.
  const db = await openReadModels(config, [subscriptionMigrations, deliveryMigrations]);
  const email = new EmailChannel({ host: '127.0.0.1', port: Number(smtpPort), from: 'ruamjai@sakaeo.example' });
  // Batches of two: a round plans 20 batches (40 events) and then sends two deliveries, so planning a
  // backlog and sending it interleave, as after a long outage.
  const notifier = new Notifier(store, db, new SubscriptionDirectory(db), { email }, systemClock, {
    baseUrl: 'https://ruamjai.sakaeo.example',
    batchSize: 2,
    pollMs: 5,
    firstRetryMs: 20,
    maxRetryMs: 200,
  });
  const tables = db as unknown as Kysely<DeliveryTables & CoreTables>;
  const state = async () => {
    const checkpoint = await readCheckpoint(db, 'notifier');
    const rows = await tables
      .selectFrom('notification_deliveries')
      .select(['status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return `${checkpoint} ${count('sent')} ${count('pending')}`;
  };
  const started = await readCheckpoint(db, 'notifier');
  notifier.start();
  process.stdout.write(`started ${started}\n`);
  setInterval(() => void state().then((s) => process.stdout.write(`state ${s}\n`)), 50);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
