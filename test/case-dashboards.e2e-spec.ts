import { startApi, type ApiHarness } from './support/api-harness';

describe('case dashboards with a configured threshold', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ DASHBOARD_MIN_COUNT: '3' });
  });
  afterAll(() => api.close());

  it('show counts at or above the threshold, withhold those below, and a total that would give a small cell away', async () => {
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    let position = '0';
    const open = async (districtCode: string, ageGroup: string) => {
      const res = await api.http
        .post('/api/v1/cases')
        .set(coordinator)
        .send({ source: 'police', districtCode, foundOn: '2019-05-01', ageGroup, person: { givenName: 'Dashboard Fictional' } })
        .expect(201);
      position = res.body.position;
    };
    for (let i = 0; i < 4; i++) await open('2706', 'child');
    await open('2701', 'adult');
    const viewer = { Authorization: `Bearer ${await api.token('viewer', 'v', 'PROV-SK')}` };
    const dash = await api.http.get(`/api/v1/dashboards/cases?minPosition=${position}`).set(viewer).expect(200);
    expect(dash.body.threshold).toBe(3);
    expect(dash.body.byDistrict.rows).toEqual([
      { key: '2701', count: null, suppressed: true },
      { key: '2706', count: 4, suppressed: false },
    ]);
    // 5 in all, but showing it would reveal the single withheld case (5 - 4).
    expect(dash.body.byDistrict.total).toEqual({ count: null, suppressed: true });
    expect(dash.body.byStatus.rows).toEqual([{ key: 'open', count: 5, suppressed: false }]);
    expect(dash.body.byStatus.total).toEqual({ count: 5, suppressed: false });
    expect(JSON.stringify(dash.body)).not.toContain('Dashboard Fictional');
  });
});
