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
    // District 2701 is not even listed: its key beside a withheld count would tell a case is there.
    expect(dash.body.byDistrict.rows).toEqual([{ key: '2706', count: 4, suppressed: false }]);
    expect(JSON.stringify(dash.body)).not.toContain('2701');
    expect(dash.body.byDistrict.suppressedTotal).toEqual({ count: null, suppressed: true });
    // 5 in all, but showing it would reveal the single withheld case (5 - 4).
    expect(dash.body.byDistrict.total).toEqual({ count: null, suppressed: true });
    expect(dash.body.byStatus.rows).toEqual([{ key: 'open', count: 5, suppressed: false }]);
    expect(dash.body.byStatus.total).toEqual({ count: 5, suppressed: false });
    expect(JSON.stringify(dash.body)).not.toContain('Dashboard Fictional');
  });

  it('withhold pledges to cases unless they cover the threshold of cases, amounts included', async () => {
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    const viewer = { Authorization: `Bearer ${await api.token('viewer', 'v', 'PROV-SK')}` };
    const chair = { Authorization: `Bearer ${await api.token('chair', 'governor', 'PROV-SK')}` };
    const caseIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.http.post('/api/v1/cases').set(coordinator).send({ source: 'ngo', districtCode: '2703', foundOn: '2019-05-01', ageGroup: 'adult', person: { givenName: 'Pledge Fictional' } }).expect(201);
      caseIds.push(res.body.caseId);
    }
    const pledge = (caseId: string, resource: string, quantity: number) =>
      api.http.post('/api/v1/commitments').set(coordinator).send({ targetKind: 'case', caseId, resource, quantity, dueOn: '2099-06-30' }).expect(201);
    // One shelter bed for one case: the kind of count a viewer must not see.
    let last = await pledge(caseIds[0], 'shelter_beds', 1);
    const single = await api.http.get(`/api/v1/dashboards/commitments?minPosition=${last.body.position}`).set(viewer).expect(200);
    expect(single.body).toEqual({ threshold: 3, projects: [], cases: { rows: [], withheldPledges: { count: null, suppressed: true } } });
    // Interpreters for three cases: enough cases to show, amounts and all.
    for (const caseId of caseIds) last = await pledge(caseId, 'interpreters', 2);
    const spread = await api.http.get(`/api/v1/dashboards/commitments?minPosition=${last.body.position}`).set(chair).expect(200);
    expect(spread.body.cases.rows).toEqual([{ agency: 'PSDHS-SK', resource: 'interpreters', cases: 3, pledges: 3, pledged: 6, fulfilled: 0, overduePledges: { count: 0, suppressed: false } }]);
    expect(spread.body.cases.withheldPledges).toEqual({ count: null, suppressed: true });
    expect(JSON.stringify(spread.body)).not.toContain('shelter_beds');
  });
});
