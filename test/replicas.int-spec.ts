import { caseIntegrationEvents, casesMigrations, casesProjections, referralIntegrationEvents } from '@ruamjai/cases';
import { collect, PostgresEventStore, type RecordedEvent } from '@ruamjai/event-store';
import { identityMigrations, identityProjections } from '@ruamjai/identity';
import { systemClock } from '@ruamjai/kernel';
import type { IntegrationMapper } from '@ruamjai/messaging';
import { notificationMigrations } from '@ruamjai/notifications';
import { planIntegrationEvents, planningMigrations, planningProjections } from '@ruamjai/planning';
import {
  migrateReadModels,
  openPostgresReadModels,
  readCheckpoints,
  rebuildProjections,
  type ReadModelDb,
} from '@ruamjai/read-models';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import { Kafka, logLevel } from 'kafkajs';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../infra/servers';
import { sampleAgencies, samplePlan, sampleProject } from './support/api-harness';
import { startBalancer, type Balancer } from './support/balancer';
import { spawnTs, type TsChild } from './support/child-process';
import { kafkaBrokers, receiveEvents, sequencesByKey } from './support/kafka';
import { freshPostgresDatabase, postgresServerUrl } from './support/postgres';

// The run's PostgreSQL and Kafka broker (global setup, or DATABASE_URL and KAFKA_BROKERS). Without
// them the suite reports itself skipped, which a CI run (REQUIRE_INFRA=1) counts as a failure.
const server = postgresServerUrl();
const brokers = kafkaBrokers();

const CLIENTS = 16;
const PROJECTS_PER_PLAN = 8;
const TOTAL = CLIENTS * (1 + PROJECTS_PER_PLAN);
const PARTS = ['notifier', 'projections', 'relay', 'scheduler'];
const MAPPERS: IntegrationMapper[] = [planIntegrationEvents, caseIntegrationEvents, referralIntegrationEvents];
/** Tables of the read-model database that no projection writes (requests, sessions, the notifier's, bookkeeping). */
const NOT_PROJECTED =
  /^(kysely_migration.*|projection_checkpoints|projection_stalls|idempotency_records|inbound_messages|rate_limit_windows|auth_sessions|notification_.*|console_inbox.*|personal_data_keys.*)$/;

interface Ack {
  readonly client: number;
  readonly key: string;
  readonly planId: string;
  readonly position: string;
}

/**
 * Ids derive from the actor and the Idempotency-Key: keys of their own per run keep this run's events
 * apart from an earlier run's on a broker that outlives it.
 */
const RUN = randomUUID().slice(0, 8);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not in ${timeoutMs} ms`);
    await pause(100);
  }
}

async function json(url: string): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(url).catch(() => undefined);
  return response?.ok ? ((await response.json()) as Record<string, unknown>) : undefined;
}

/** Every row of every projected table, as sorted JSON lines, to compare two databases. */
async function projectedRows(url: string, tables: readonly string[]): Promise<Record<string, string[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const { rows } = await client.query(`select * from "${table}"`);
      out[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return out;
  } finally {
    await client.end();
  }
}

(server && brokers ? describe : describe.skip)(
  'three API replicas and two workers on one PostgreSQL and one Kafka broker, behind a balancer',
  () => {
    jest.setTimeout(240_000);
    const children: TsChild[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'ruamjai-replicas-'));
    let database: { url: string; drop(): Promise<void> };
    let rebuilt: { url: string; drop(): Promise<void> } | undefined;
    let balancer: Balancer | undefined;
    const dbs: ReadModelDb[] = [];
    const stores: PostgresEventStore[] = [];

    afterAll(async () => {
      for (const child of children) await child.kill();
      await balancer?.close();
      for (const db of dbs) await db.destroy();
      for (const store of stores) await store.close();
      await rebuilt?.drop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('loses and duplicates no acknowledged command when a replica and then the active worker are killed, and the survivors take over', async () => {
      database = await freshPostgresDatabase(server!);
      // One signing key for every replica (a shared secret in production), made before any starts.
      const key = await loadOrCreateSigningKey(dataDir);
      const common = {
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        EVENT_STORE: 'postgres',
        KAFKA_BROKERS: brokers!.join(','),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '1000000',
        LEASE_POLL_MS: '250',
      };
      const apiPorts = [await freePort(), await freePort(), await freePort()];
      const workerPorts = [await freePort(), await freePort()];
      const api = (port: number) =>
        spawnTs('apps/api/src/main.ts', [], { ...common, PORT: String(port), PROJECTIONS_IN_PROCESS: 'false' });
      const worker = (port: number) =>
        spawnTs('apps/worker/src/main.ts', [], { ...common, WORKER_METRICS_PORT: String(port) });
      const apiUp = (port: number) => until(`API on ${port}`, () => json(`http://127.0.0.1:${port}/health`));
      const workerHealth = (port: number) => json(`http://127.0.0.1:${port}/health`);
      const leasesOf = async (port: number) =>
        ((await workerHealth(port))?.leases as { held: string[]; standingBy: string[] } | undefined) ?? undefined;

      // The first replica creates the schemas; the others and the first worker then start side by side.
      const apis = [api(apiPorts[0])];
      children.push(apis[0]);
      await apiUp(apiPorts[0]);
      apis.push(api(apiPorts[1]), api(apiPorts[2]));
      const workers = [worker(workerPorts[0])];
      children.push(apis[1], apis[2], workers[0]);
      await Promise.all([apiUp(apiPorts[1]), apiUp(apiPorts[2])]);
      await until('the first worker holding every lease', async () =>
        (await leasesOf(workerPorts[0]))?.held.sort().join() === PARTS.join() ? true : undefined,
      );
      workers.push(worker(workerPorts[1]));
      children.push(workers[1]);
      const standby = await until('the second worker standing by', async () => {
        const leases = await leasesOf(workerPorts[1]);
        return leases && leases.standingBy.length === PARTS.length ? leases : undefined;
      });
      expect(standby.held).toEqual([]);

      balancer = await startBalancer(apiPorts);
      const token = await issueToken(
        key,
        { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' },
        'ruamjai',
        'ruamjai-api',
      );
      const auth = { Authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const db = openPostgresReadModels(database.url, 2);
      dbs.push(db);
      const store = await PostgresEventStore.open({ connectionString: database.url });
      stores.push(store);
      for (const agency of sampleAgencies) {
        const response = await fetch(`${balancer.url}/api/v1/agencies`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify(agency),
        });
        expect(response.status).toBe(201);
      }
      // The directory must know the agencies before their officers act (the worker projects it).
      const registered = (await store.headPosition())!;
      await until('the agencies projected', async () =>
        [...(await readCheckpoints(db)).values()].every((p) => p >= registered) ? true : undefined,
      );

      // 16 clients, each a plan and its projects, every command with an Idempotency-Key, retried with
      // the same key (and the same If-Match) on whatever failure until it is acknowledged.
      const acks: Ack[] = [];
      const refusals: string[] = [];
      let retries = 0;
      const send = async (client: number, key: string, path: string, body: object, ifMatch?: string) => {
        for (;;) {
          const response = await fetch(`${balancer!.url}${path}`, {
            method: 'POST',
            headers: { ...auth, 'Idempotency-Key': key, ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
            body: JSON.stringify(body),
          }).catch(() => undefined);
          if (response?.status === 201)
            return (await response.json()) as { planId?: string; revision: string; position: string };
          // A dead replica (502), a key still held by one (409 IN_PROGRESS): the same request again.
          if (response && response.status < 500 && response.status !== 409) {
            refusals.push(`${client} ${key}: ${response.status} ${await response.text()}`);
            throw new Error(refusals[refusals.length - 1]);
          }
          retries++;
          await pause(50);
        }
      };
      const runClient = async (client: number) => {
        const planKey = `${RUN}-c${client}-plan`;
        const plan = await send(client, planKey, '/api/v1/plans', {
          ...samplePlan,
          titleTh: `${samplePlan.titleTh} ${client}`,
        });
        const planId = plan.planId!;
        acks.push({ client, key: planKey, planId, position: plan.position });
        let revision = plan.revision;
        for (let p = 0; p < PROJECTS_PER_PLAN; p++) {
          const projectKey = `${RUN}-c${client}-project${p}`;
          const body = { ...sampleProject, titleTh: `${sampleProject.titleTh} ${client}/${p}` };
          const added = await send(client, projectKey, `/api/v1/plans/${planId}/projects`, body, `"${revision}"`);
          acks.push({ client, key: projectKey, planId, position: added.position });
          revision = added.revision;
        }
      };
      const clients = Promise.all(Array.from({ length: CLIENTS }, (_, i) => runClient(i)));

      // Under load: SIGKILL one API replica, then the worker holding the leases.
      await until('a third of the commands', async () => (acks.length >= TOTAL / 3 ? true : undefined));
      await apis[1].kill();
      await until('two thirds of the commands', async () => (acks.length >= (TOTAL * 2) / 3 ? true : undefined));
      await workers[0].kill();
      const killedAt = Date.now();
      await clients;
      expect(refusals).toEqual([]);
      expect(acks).toHaveLength(TOTAL);

      // The standby took every part over within seconds.
      const survivor = await until(
        'the second worker holding every lease',
        async () => ((await leasesOf(workerPorts[1]))?.held.sort().join() === PARTS.join() ? true : undefined),
        20_000,
      );
      expect(survivor).toBe(true);
      expect(Date.now() - killedAt).toBeLessThan(20_000);
      const metrics = await (await fetch(`http://127.0.0.1:${workerPorts[1]}/metrics`)).text();
      for (const part of PARTS) {
        expect(metrics).toContain(`ruamjai_lease_acquired_total{part="${part}",app="worker"} 1`);
        expect(metrics).toContain(`ruamjai_lease_held{part="${part}",app="worker"} 1`);
      }

      // Every acknowledged command is in the log, once: each plan's stream holds its commands in the
      // client's order, each command's events once (a repeat would bring its key back).
      const log = await collect(store.readAll());
      const byStream = new Map<string, RecordedEvent[]>();
      for (const event of log) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
      const keyOf = (e: RecordedEvent) => (e.metadata as { idempotencyKey?: string } | undefined)?.idempotencyKey;
      for (let client = 0; client < CLIENTS; client++) {
        const mine = acks.filter((a) => a.client === client);
        const events = byStream.get(`plan-${mine[0].planId}`) ?? [];
        const keys = events.map(keyOf).filter((k, i, all) => i === 0 || all[i - 1] !== k);
        expect(keys).toEqual(mine.map((a) => a.key));
        for (const ack of mine) {
          const ofKey = events.filter((e) => keyOf(e) === ack.key);
          expect(new Set(ofKey.map((e) => e.type)).size).toBe(ofKey.length);
          expect(ofKey.map((e) => e.position.toString())).toContain(ack.position);
        }
      }

      // Every projection equals a rebuild of the whole log.
      const head = (await store.headPosition())!;
      await until(
        'the projections caught up',
        async () => ([...(await readCheckpoints(db)).values()].every((p) => p >= head) ? true : undefined),
        30_000,
      );
      rebuilt = await freshPostgresDatabase(server!);
      const fresh = openPostgresReadModels(rebuilt.url, 2);
      dbs.push(fresh);
      await migrateReadModels(fresh as unknown as Kysely<unknown>, [
        planningMigrations,
        casesMigrations,
        identityMigrations,
        notificationMigrations,
      ]);
      const projections = [...planningProjections, ...casesProjections, ...identityProjections];
      await rebuildProjections(store, fresh, projections, systemClock);
      const client = new Client({ connectionString: rebuilt.url });
      await client.connect();
      const tables = (
        await client.query<{ name: string }>(
          "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
        )
      ).rows
        .map((r) => r.name)
        .filter((name) => !NOT_PROJECTED.test(name))
        .sort();
      await client.end();
      expect(tables).toEqual(expect.arrayContaining(['plan_views', 'plan_projects']));
      const live = await projectedRows(database.url, tables);
      const expected = await projectedRows(rebuilt.url, tables);
      expect(live.plan_projects).toHaveLength(CLIENTS * PROJECTS_PER_PLAN);
      expect(live).toEqual(expected);

      // The relay delivered every integration event: at least once, once after dedupe by id, in log
      // order per key, although the relay's holder was killed mid-stream.
      const messages = log.flatMap((event) => MAPPERS.map((map) => map(event)).filter((m) => m !== undefined));
      const ids = new Set(messages.map((m) => m.envelope.id));
      expect(ids.size).toBeGreaterThanOrEqual(TOTAL);
      const kafka = new Kafka({ clientId: 'replicas-test', brokers: brokers!, logLevel: logLevel.NOTHING });
      const received = await receiveEvents(kafka, [...new Set(messages.map((m) => m.topic))], ids, 60_000);
      expect(new Set(received.map((r) => r.id))).toEqual(ids);
      for (const [, sequences] of sequencesByKey(received))
        expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const deduped = sequencesByKey(received);
      expect([...deduped.values()].reduce((n, s) => n + s.length, 0)).toBe(ids.size);
      process.stdout.write(
        `replicas: ${TOTAL} commands, ${retries} retries, ${received.length - ids.size} redelivered messages\n`,
      );
    });
  },
);
