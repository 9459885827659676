import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

describe('a project funded by the Anti-Trafficking Fund', () => {
  let api: ApiHarness;
  let auth: { Authorization: string };
  beforeAll(async () => {
    api = await startApi();
    auth = { Authorization: `Bearer ${await api.token()}` };
  });
  afterAll(() => api.close());

  it('shows requested, approved and disbursed per project and in total as the request goes through', async () => {
    const plan = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    const planId = plan.body.planId;
    const project = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(auth)
      .set('If-Match', '"0"')
      .send(sampleProject)
      .expect(201);
    const asked = await api.http
      .post(`/api/v1/plans/${planId}/projects/${project.body.projectId}/fund-requests`)
      .set(auth)
      .set('If-Match', '"1"')
      .send({ amountSatang: 15_000_000, justification: 'ช่วยเหลือผู้เสียหาย 40 คน', category: 'victim_assistance' })
      .expect(201);
    const requestId = asked.body.requestId;
    const returned = await api.http
      .post(`/api/v1/plans/${planId}/fund-requests/${requestId}/return`)
      .set(auth)
      .set('If-Match', '"2"')
      .send({ reason: 'แนบงบประมาณรายกิจกรรม' })
      .expect(201);
    await api.http
      .post(`/api/v1/plans/${planId}/fund-requests/${requestId}/revisions`)
      .set(auth)
      .set('If-Match', returned.headers.etag)
      .send({ amountSatang: 14_000_000, justification: 'แนบรายละเอียดแล้ว' })
      .expect(201);
    const tooMuch = await api.http
      .post(`/api/v1/plans/${planId}/fund-requests/${requestId}/approval`)
      .set(auth)
      .set('If-Match', '"4"')
      .send({ approvedAmountSatang: 14_000_001 })
      .expect(400);
    expect(tooMuch.body.code).toBe('FUND.AMOUNT_INVALID');
    await api.http
      .post(`/api/v1/plans/${planId}/fund-requests/${requestId}/approval`)
      .set(auth)
      .set('If-Match', '"4"')
      .send({ approvedAmountSatang: 12_000_000 })
      .expect(201);
    const paid = await api.http
      .post(`/api/v1/plans/${planId}/fund-requests/${requestId}/disbursements`)
      .set(auth)
      .set('If-Match', '"5"')
      .send({ amountSatang: 5_000_000 })
      .expect(201);

    const view = await api.http.get(`/api/v1/plans/${planId}?minPosition=${paid.body.position}`).set(auth).expect(200);
    expect(view.body.totals.fund).toEqual({
      requestedSatang: 14_000_000,
      approvedSatang: 12_000_000,
      disbursedSatang: 5_000_000,
    });
    expect(view.body.projects[0].fundRequests).toEqual([
      expect.objectContaining({
        requestId,
        status: 'approved',
        amountSatang: 14_000_000,
        approvedSatang: 12_000_000,
        disbursedSatang: 5_000_000,
        category: 'victim_assistance',
      }),
    ]);
    const overpay = await api.http
      .post(`/api/v1/plans/${planId}/fund-requests/${requestId}/disbursements`)
      .set(auth)
      .set('If-Match', '"6"')
      .send({ amountSatang: 7_000_001 })
      .expect(400);
    expect(overpay.body.code).toBe('FUND.AMOUNT_INVALID');
  });

  it('refuses a viewer who tries to record a payment', async () => {
    const viewer = { Authorization: `Bearer ${await api.token('viewer', 'v', 'PSDHS-SK')}` };
    const res = await api.http
      .post(
        `/api/v1/plans/0d6f3f1e-0000-4000-8000-000000000001/fund-requests/0d6f3f1e-0000-4000-8000-000000000002/disbursements`,
      )
      .set(viewer)
      .set('If-Match', '"1"')
      .send({ amountSatang: 1 })
      .expect(403);
    expect(res.body.code).toBe('AUTH.NOT_PERMITTED');
  });
});
