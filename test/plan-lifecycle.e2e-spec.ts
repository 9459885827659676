import { FixedClock } from '@ruamjai/kernel';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

describe('a plan through its year', () => {
  let api: ApiHarness;
  const clock = new FixedClock(new Date('2019-02-14T03:00:00Z'));
  let coordinator: { Authorization: string };
  let chair: { Authorization: string };

  beforeAll(async () => {
    api = await startApi({}, { clock });
    coordinator = { Authorization: `Bearer ${await api.token('coordinator')}` };
    chair = { Authorization: `Bearer ${await api.token('chair', 'governor', 'PROV-SK')}` };
  });
  afterAll(() => api.close());

  it('is drafted, submitted, approved at a meeting, amended with a reason, and closed after the fiscal year', async () => {
    const created = await api.http.post('/api/v1/plans').set(coordinator).send(samplePlan).expect(201);
    const planId = created.body.planId;
    const added = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(coordinator)
      .set('If-Match', '"0"')
      .send(sampleProject)
      .expect(201);
    await api.http.post(`/api/v1/plans/${planId}/submission`).set(coordinator).set('If-Match', '"1"').expect(201);
    // Only the chair approves.
    const refused = await api.http
      .post(`/api/v1/plans/${planId}/approval`)
      .set(coordinator)
      .set('If-Match', '"2"')
      .send({ meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' })
      .expect(403);
    expect(refused.body.code).toBe('AUTH.NOT_PERMITTED');
    clock.set(new Date('2019-03-15T03:00:00Z'));
    const approval = await api.http
      .post(`/api/v1/plans/${planId}/approval`)
      .set(chair)
      .set('If-Match', '"2"')
      .send({ meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' })
      .expect(201);

    const noReason = await api.http
      .post(`/api/v1/plans/${planId}/projects/${added.body.projectId}/budget-revisions`)
      .set(coordinator)
      .set('If-Match', '"3"')
      .send({ requestedBudgetSatang: 16_000_000, reason: 'xx' })
      .expect(400);
    expect(noReason.body.code).toBe('REQUEST.INVALID');
    clock.set(new Date('2019-06-01T03:00:00Z'));
    const amendment = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(coordinator)
      .set('If-Match', '"3"')
      .send({ ...sampleProject, titleTh: 'โครงการเพิ่มเติม', reason: 'งบกองทุนเพิ่มเติมจากกระทรวง' })
      .expect(201);
    expect(amendment.headers.etag).toBe('"5"');

    const view = await api.http
      .get(`/api/v1/plans/${planId}?minPosition=${amendment.body.position}`)
      .set(coordinator)
      .expect(200);
    expect(view.body).toMatchObject({
      status: 'amended',
      edition: 2,
      approvals: [{ edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15', revision: 3 }],
      amendments: [{ edition: 2, reason: 'งบกองทุนเพิ่มเติมจากกระทรวง', revision: 5 }],
    });
    // The approved edition stays readable.
    const asApproved = await api.http
      .get(`/api/v1/plans/${planId}?revision=${approval.body.revision}`)
      .set(coordinator)
      .expect(200);
    expect(asApproved.body).toMatchObject({ status: 'approved', edition: 1 });
    expect(asApproved.body.projects).toHaveLength(1);

    const early = await api.http
      .post(`/api/v1/plans/${planId}/closure`)
      .set(chair)
      .set('If-Match', '"5"')
      .send({ resultsSummary: 'ดำเนินการครบทุกโครงการ' })
      .expect(409);
    expect(early.body.code).toBe('PLAN.FISCAL_YEAR_NOT_OVER');
    clock.set(new Date('2019-10-15T03:00:00Z'));
    const closed = await api.http
      .post(`/api/v1/plans/${planId}/closure`)
      .set(chair)
      .set('If-Match', '"5"')
      .send({ resultsSummary: 'ดำเนินการครบทุกโครงการ' })
      .expect(201);
    const late = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(coordinator)
      .set('If-Match', closed.headers.etag)
      .send({ ...sampleProject, reason: 'สายไป' })
      .expect(409);
    expect(late.body.code).toBe('PLAN.NOT_EDITABLE');
    const history = await api.http.get(`/api/v1/plans/${planId}/history`).set(chair).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'PlanDrafted',
      'ProjectAdded',
      'PlanSubmitted',
      'PlanApproved',
      'ProjectAdded',
      'PlanAmended',
      'PlanClosed',
    ]);
  });
});
