import { Client } from 'pg';
import { freshPostgresDatabase, postgresServerUrl } from './support/postgres';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

const server = postgresServerUrl();

(server ? describe : describe.skip)('plans over HTTP with the log in PostgreSQL (EVENT_STORE=postgres)', () => {
  let api: ApiHarness;
  let database: { url: string; drop(): Promise<void> };
  let auth: { Authorization: string };

  beforeAll(async () => {
    database = await freshPostgresDatabase(server!);
    // The log shares the read models' database (DATABASE_URL), in its own schema.
    api = await startApi({ DATABASE_URL: database.url, EVENT_STORE: 'postgres' });
    auth = { Authorization: `Bearer ${await api.token()}` };
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('records a plan and its project as events in PostgreSQL, projects them, and replays a retried request', async () => {
    const created = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    const planId = created.body.planId as string;
    const send = () =>
      api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', '"0"')
        .set('Idempotency-Key', 'pg-log-retry')
        .send(sampleProject)
        .expect(201);
    const first = await send();
    expect(await send().then((r) => r.body)).toEqual(first.body);
    const view = await api.http.get(`/api/v1/plans/${planId}?minPosition=${first.body.position}`).set(auth).expect(200);
    expect(view.body.totals).toMatchObject({ projectCount: 1, requestedBudgetSatang: 15_000_000 });

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ revision: string; position: string }>(
        'SELECT revision, position FROM event_store.events WHERE stream_id = $1 ORDER BY revision',
        [`plan-${planId}`],
      );
      expect(rows.map((r) => r.revision)).toEqual(['0', '1']);
      expect(rows[1].position).toBe(first.body.position);
    } finally {
      await client.end();
    }
    const health = await api.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ eventStore: { status: 'up' }, readModels: { status: 'up' } });
    const audit = await api.http
      .get('/api/v1/audit/verification')
      .set({ Authorization: `Bearer ${await api.token('auditor', 'auditor1', 'OAG')}` })
      .expect(200);
    expect(audit.body).toMatchObject({ ok: true });
  });
});
