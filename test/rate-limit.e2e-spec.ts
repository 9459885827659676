import { startApi, type ApiHarness } from './support/api-harness';

describe('rate limiting', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' }, { agencies: false });
  });
  afterAll(() => api.close());

  it('answers a client past its limit with 429 problem+json and Retry-After', async () => {
    const auth = { Authorization: `Bearer ${await api.token()}` };
    for (let i = 0; i < 3; i++)
      await api.http.get('/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001').set(auth).expect(404);
    const res = await api.http.get('/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001').set(auth).expect(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('REQUEST.RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('gives every signed-in user a budget of their own, whatever address they share', async () => {
    const somchai = { Authorization: `Bearer ${await api.token('coordinator', 'somchai.2')}` };
    const malee = { Authorization: `Bearer ${await api.token('coordinator', 'malee.2')}` };
    for (let i = 0; i < 3; i++)
      await api.http.get('/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001').set(somchai).expect(404);
    await api.http.get('/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001').set(somchai).expect(429);
    // Same address (loopback), another user: a fresh budget.
    await api.http.get('/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001').set(malee).expect(404);
  });

  it('never throttles health checks or metrics scrapes', async () => {
    for (let i = 0; i < 10; i++) {
      await api.http.get('/health').expect(200);
      await api.http.get('/metrics').expect(200);
    }
  });
});
