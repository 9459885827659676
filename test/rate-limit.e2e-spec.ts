import { startApi, type ApiHarness } from './support/api-harness';

describe('rate limiting', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' }, { agencies: false });
  });
  afterAll(() => api.close());

  it('answers a client past its limit with 429 problem+json and Retry-After', async () => {
    const auth = { Authorization: `Bearer ${await api.token()}` };
    for (let i = 0; i < 3; i++) await api.http.get('/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001').set(auth).expect(404);
    const res = await api.http.get('/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001').set(auth).expect(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('REQUEST.RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
  });
});
