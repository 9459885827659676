import { loadConfig } from '@ruamjai/config';
import { collect, SqliteEventStore, verifyChains } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { casesMigrations, casesProjections } from '@ruamjai/cases';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import { identityMigrations, identityProjections } from '@ruamjai/identity';
import { keyStoreFile, SqliteKeyStore } from '@ruamjai/privacy';
import { migrateReadModels, openSqliteReadModels, rebuildProjections } from '@ruamjai/read-models';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { runCli } from './support/cli';
import { createApiApp } from '../apps/api/src/api-app';

const projections = [...planningProjections, ...casesProjections, ...identityProjections];

/** The CLI as an operator runs it, on the embedded store. */
const cli = (args: string[], dataDir: string) => runCli(dataDir, ...args);

async function startApi(dataDir: string) {
  // Reads wait for the projections as long as the configuration allows: the machine may be busy.
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '10000000',
    READ_YOUR_WRITES_TIMEOUT_MS: '60000',
  });
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const key = await loadOrCreateSigningKey(dataDir);
  const bearer = async (role: 'coordinator' | 'agency_officer', sub: string, agency: string) => ({
    Authorization: `Bearer ${await issueToken(key, { sub, agency, role }, config.jwt.issuer, config.jwt.audience)}`,
  });
  return { app, http: request(app.getHttpServer()), bearer };
}

/**
 * Every read-model table's rows, in a stable order, without the checkpoints' wall-clock times. The
 * notifier's tables and checkpoint are left out: they hold what was sent to whom (not a view rebuilt
 * from the log), and the restored API's notifier may have moved on by the time they are read.
 */
function dumpReadModels(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'notification_%' ORDER BY name",
        )
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    return Object.fromEntries(
      tables.map((table) => {
        const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>).filter(
          (row) => !(table === 'projection_checkpoints' && row.name === 'notifier'),
        );
        const cleaned = rows.map((row) =>
          table === 'projection_checkpoints' ? { ...row, updated_at: undefined } : row,
        );
        return [table, cleaned.map((row) => JSON.stringify(row)).sort()];
      }),
    );
  } finally {
    db.close();
  }
}

const person = (n: number) => ({
  givenName: `สมหญิง${n}`,
  familyName: 'ทดสอบ',
  dateOfBirth: '2007-03-09',
  nationality: 'KHM',
  notes: `บันทึก ${n}`,
});
const openCase = (n: number) => ({
  source: 'border_screening',
  districtCode: '2706',
  foundOn: '2019-05-01',
  ageGroup: 'child',
  person: person(n),
});

describe('backup and restore of the embedded store', () => {
  // Four CLI processes (each compiling the CLI through swc) and 16 writers: minutes on a busy machine.
  jest.setTimeout(900_000);
  const workspace = mkdtempSync(join(tmpdir(), 'ruamjai-backup-'));
  const live = join(workspace, 'live');
  const backupDir = join(workspace, 'backup');
  const fresh = join(workspace, 'fresh');
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  afterAll(async () => {
    await api?.app.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('backs up while 16 clients write; a restore into a fresh folder holds every acknowledged command, verifies, and keeps a later erasure in force', async () => {
    api = await startApi(live);
    const coordinator = await api.bearer('coordinator', 'somchai', 'PSDHS-SK');
    // The secretariat registers itself first (the only write an unregistered agency may make), then the shelter.
    await api.http
      .post('/api/v1/agencies')
      .set(coordinator)
      .send({
        code: 'PSDHS-SK',
        nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
        agencyType: 'social_development',
        districtCode: '2701',
      })
      .expect(201);
    await api.http
      .post('/api/v1/agencies')
      .set(coordinator)
      .send({ code: 'SHELTER-SK', nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว', agencyType: 'shelter' })
      .expect(201);
    const shelter = await api.bearer('agency_officer', 'malee.s', 'SHELTER-SK');
    // The person to be erased after the backup: in the backup, her key is still live.
    const erasedCase = await api.http.post('/api/v1/cases').set(shelter).send(openCase(0)).expect(201);

    const acked: Array<{ caseId: string; position: bigint }> = [];
    let writing = true;
    const clients = Array.from({ length: 16 }, async (_, client) => {
      for (let n = 1; writing; n++) {
        const res = await api!.http
          .post('/api/v1/cases')
          .set(shelter)
          .set('Idempotency-Key', randomUUID())
          .send(openCase(client * 1000 + n));
        if (res.status !== 201) throw new Error(`client ${client}: ${res.status} ${res.text}`);
        acked.push({
          caseId: res.body.caseId as string,
          position: BigInt(res.headers['x-ruamjai-position']),
        });
      }
    });
    while (acked.length < 50) await new Promise((r) => setTimeout(r, 20));
    const backup = await cli(['backup', backupDir], live);
    const ackedDuringBackup = acked.length;
    while (acked.length < ackedDuringBackup + 50) await new Promise((r) => setTimeout(r, 20));
    writing = false;
    await Promise.all(clients);
    expect(backup.stderr).toMatch(/Backed up/);
    expect(backup.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
      log: { headPosition: string; chainDigest: string };
    };
    const head = BigInt(manifest.log.headPosition);
    // The backup was taken mid-stream: writes were acknowledged on both sides of its head.
    expect(acked.some((a) => a.position <= head)).toBe(true);
    expect(acked.some((a) => a.position > head)).toBe(true);
    expect((statSync(backupDir).mode & 0o777).toString(8)).toBe('700');

    // After the backup: the first person is erased.
    const view = await api.http.get(`/api/v1/cases/${erasedCase.body.caseId}`).set(coordinator).expect(200);
    await api.http
      .post(`/api/v1/cases/${erasedCase.body.caseId}/erasure`)
      .set(coordinator)
      .set('If-Match', view.headers.etag)
      .send({ requestedOn: '2019-07-01', reason: 'คำขอของเจ้าของข้อมูล' })
      .expect(201);
    await api.app.close();
    api = undefined;

    // Restoring over the newer log is refused without --force.
    const refused = await cli(['restore', backupDir], live);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/past the backup's/);

    // Into a fresh folder (the disk was lost), with the erasures the live folder knows.
    const restored = await cli(['restore', backupDir, '--erasures-from', live], fresh);
    expect(restored.stderr).toMatch(/Restored to position/);
    expect(restored.code).toBe(0);
    const report = JSON.parse(restored.stdout) as { erasuresReapplied: number; erasureEventsReappended: number };
    expect(report).toMatchObject({ erasuresReapplied: 1, erasureEventsReappended: 1 });

    const store = SqliteEventStore.open({ file: join(fresh, 'events.sqlite') });
    try {
      const events = await collect(store.readAll());
      const byPosition = new Map(events.map((e) => [e.position, e]));
      const before = acked.filter((a) => a.position <= head);
      expect(before.length).toBeGreaterThan(0);
      for (const { caseId, position } of before) expect(byPosition.get(position)?.streamId).toContain(caseId);
      const verification = await verifyChains(store);
      expect(verification.ok).toBe(true);
    } finally {
      await store.close();
    }

    // The erased person stays erased: no key, and the service answers 410 for her data.
    const keys = new SqliteKeyStore(keyStoreFile(fresh));
    expect((await keys.get(erasedCase.body.personId as string))?.state).toBe('erased');
    await keys.close();
    api = await startApi(fresh);
    const coordinatorAgain = await api.bearer('coordinator', 'somchai', 'PSDHS-SK');
    const read = await api.http
      .post(`/api/v1/cases/${erasedCase.body.caseId}/personal-data-reads`)
      .set(coordinatorAgain)
      .send({ purpose: 'หลังกู้คืน' });
    expect(read.status).toBe(410);
    const erasedView = await api.http.get(`/api/v1/cases/${erasedCase.body.caseId}`).set(coordinatorAgain).expect(200);
    expect(erasedView.body.personalDataErased).toBe(true);
    // A person from before the backup is still readable.
    const kept = acked.find((a) => a.position <= head)!;
    await api.http
      .post(`/api/v1/cases/${kept.caseId}/personal-data-reads`)
      .set(coordinatorAgain)
      .send({ purpose: 'หลังกู้คืน' })
      .expect(200);

    // New work after the restore is projected, and the projections equal a rebuild from the log.
    const after = await api.http
      .post('/api/v1/cases')
      .set(api ? await api.bearer('agency_officer', 'malee.s', 'SHELTER-SK') : {})
      .send(openCase(99_999))
      .expect(201);
    const projected = await api.http
      .get(`/api/v1/cases/${after.body.caseId}?minPosition=${after.headers['x-ruamjai-position']}`)
      .set(coordinatorAgain);
    expect([projected.status, projected.body.code]).toEqual([200, undefined]);
    await api.app.close();
    api = undefined;
    const rebuiltFile = join(workspace, 'rebuilt.sqlite');
    const rebuilt = openSqliteReadModels(rebuiltFile);
    const restoredStore = SqliteEventStore.open({ file: join(fresh, 'events.sqlite') });
    try {
      await migrateReadModels(rebuilt as unknown as Kysely<unknown>, [
        planningMigrations,
        casesMigrations,
        identityMigrations,
      ]);
      await rebuildProjections(restoredStore, rebuilt, projections, systemClock);
    } finally {
      await restoredStore.close();
      await rebuilt.destroy();
    }
    expect(dumpReadModels(join(fresh, 'read-models.sqlite'))).toEqual(dumpReadModels(rebuiltFile));
  });

  it('refuses writes at start when the log is shorter than the read models, saying why, until they are rebuilt', async () => {
    expect(existsSync(join(fresh, 'events.sqlite'))).toBe(true);
    // Cut the log's tail off behind the service's back, as a bad copy or a careless restore would.
    const db = new Database(join(fresh, 'events.sqlite'));
    const cut = (db.prepare('SELECT max(position) AS head FROM events').get() as { head: number }).head - 5;
    db.prepare('DELETE FROM events WHERE position > ?').run(cut);
    db.close();

    api = await startApi(fresh);
    const shelter = await api.bearer('agency_officer', 'malee.s', 'SHELTER-SK');
    const refused = await api.http.post('/api/v1/cases').set(shelter).send(openCase(7)).expect(503);
    expect(refused.body).toMatchObject({ code: 'STORE.READ_MODELS_AHEAD_OF_LOG', headPosition: String(cut) });
    expect(refused.body.messages.th).toMatch(/projections rebuild/);
    expect(refused.body.messages.en).toMatch(/read models were built from a longer log/);
    const health = await api.http.get('/health').expect(503);
    expect(health.body.writesRefused).toMatchObject({ code: 'STORE.READ_MODELS_AHEAD_OF_LOG' });

    const rebuild = await cli(['projections', 'rebuild'], fresh);
    expect(rebuild.code).toBe(0);
    const accepted = await api.http.post('/api/v1/cases').set(shelter).send(openCase(8)).expect(201);
    expect(BigInt(accepted.headers['x-ruamjai-position'])).toBe(BigInt(cut) + 1n);
    await api.http.get('/health').expect(200);
    // …and the projections run again: the new case shows.
    const projected = await api.http
      .get(`/api/v1/cases/${accepted.body.caseId}?minPosition=${accepted.headers['x-ruamjai-position']}`)
      .set(await api.bearer('coordinator', 'somchai', 'PSDHS-SK'));
    expect([projected.status, projected.body.code]).toEqual([200, undefined]);
  });
});
