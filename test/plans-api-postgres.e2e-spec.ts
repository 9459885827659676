import { freshPostgresDatabase, postgresServerUrl } from './support/postgres';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

const server = postgresServerUrl();

(server ? describe : describe.skip)('plans over HTTP with PostgreSQL read models', () => {
  let api: ApiHarness;
  let drop: () => Promise<void>;
  let auth: { Authorization: string };

  beforeAll(async () => {
    const database = await freshPostgresDatabase(server!);
    drop = database.drop;
    api = await startApi({ DATABASE_URL: database.url });
    auth = { Authorization: `Bearer ${await api.token()}` };
  });
  afterAll(async () => {
    await api?.close();
    await drop?.();
  });

  it('drafts a plan, adds a project, reads its own write, and replays a retried request', async () => {
    const created = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    const planId = created.body.planId as string;
    const key = 'retry-key-1';
    const first = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(auth)
      .set('If-Match', '"0"')
      .set('Idempotency-Key', key)
      .send(sampleProject)
      .expect(201);
    const again = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(auth)
      .set('If-Match', '"0"')
      .set('Idempotency-Key', key)
      .send(sampleProject)
      .expect(201);
    expect(again.body).toEqual(first.body);
    const view = await api.http.get(`/api/v1/plans/${planId}?minPosition=${first.body.position}`).set(auth).expect(200);
    expect(view.body.totals).toMatchObject({
      projectCount: 1,
      requestedBudgetSatang: 15_000_000,
      requestedBySource: { anti_trafficking_fund: 15_000_000 },
    });
    const health = await api.http.get('/health').expect(200);
    expect(health.body.readModels).toEqual({ status: 'up' });
  });
});
