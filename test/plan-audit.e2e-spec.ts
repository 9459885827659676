import { FixedClock } from '@ruamjai/kernel';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

describe('an auditor replaying a plan', () => {
  let api: ApiHarness;
  let auth: { Authorization: string };
  let auditor: { Authorization: string };
  let planId: string;
  let projectId: string;
  const clock = new FixedClock(new Date('2019-02-14T03:00:00Z'));

  beforeAll(async () => {
    api = await startApi({}, { clock });
    auth = { Authorization: `Bearer ${await api.token()}` };
    auditor = { Authorization: `Bearer ${await api.token('auditor', 'auditor1', 'OAG')}` };
    const created = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    planId = created.body.planId;
    clock.set(new Date('2019-02-20T03:00:00Z'));
    const added = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(auth)
      .set('If-Match', '"0"')
      .send(sampleProject)
      .expect(201);
    projectId = added.body.projectId;
    clock.set(new Date('2019-03-05T03:00:00Z'));
    await api.http
      .post(`/api/v1/plans/${planId}/projects/${projectId}/budget-revisions`)
      .set(auth)
      .set('If-Match', '"1"')
      .send({ requestedBudgetSatang: 12_000_000, reason: 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน' })
      .expect(201);
  });
  afterAll(() => api.close());

  it('sees the plan as it was on a date, and at a revision', async () => {
    const onFeb25 = await api.http.get(`/api/v1/plans/${planId}?asOf=2019-02-25T00:00:00Z`).set(auditor).expect(200);
    expect(onFeb25.headers.etag).toBe('"1"');
    expect(onFeb25.body.projects[0].requestedBudgetSatang).toBe(15_000_000);
    const atZero = await api.http.get(`/api/v1/plans/${planId}?revision=0`).set(auditor).expect(200);
    expect(atZero.body.projects).toEqual([]);
    const now = await api.http.get(`/api/v1/plans/${planId}?asOf=2030-01-01T00:00:00Z`).set(auditor).expect(200);
    expect(now.body.projects[0].requestedBudgetSatang).toBe(12_000_000);
  });

  it('finds no plan before it was drafted', async () => {
    await api.http.get(`/api/v1/plans/${planId}?asOf=2019-01-01T00:00:00Z`).set(auditor).expect(404);
  });

  it('reads who changed what, field by field, and why', async () => {
    const history = await api.http.get(`/api/v1/plans/${planId}/history`).set(auditor).expect(200);
    const revision = history.body.events[2];
    expect(revision).toMatchObject({
      type: 'ProjectBudgetRevised',
      actor: 'somchai',
      agency: 'PSDHS-SK',
      role: 'coordinator',
      reason: 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน',
    });
    // The project's requested budget is its first budget line, which has the project's id.
    expect(revision.changes).toEqual([
      { path: `projects[${projectId}].requestedBudgetSatang`, before: 15_000_000, after: 12_000_000 },
      { path: `projects[${projectId}].budgetLines[${projectId}].amountSatang`, before: 15_000_000, after: 12_000_000 },
    ]);
  });

  it('filters the history by time, type, actor and agency', async () => {
    const march = await api.http
      .get(`/api/v1/plans/${planId}/history?from=2019-03-01T00:00:00Z`)
      .set(auditor)
      .expect(200);
    expect(march.body.events.map((e: { type: string }) => e.type)).toEqual(['ProjectBudgetRevised']);
    const byType = await api.http
      .get(`/api/v1/plans/${planId}/history?type=PlanDrafted,ProjectAdded`)
      .set(auditor)
      .expect(200);
    expect(byType.body.events).toHaveLength(2);
    // A misspelt type is an error, not an empty trail.
    const typo = await api.http.get(`/api/v1/plans/${planId}/history?type=ProjectAddded`).set(auditor).expect(400);
    expect(typo.body.errors[0].field).toBe('type');
    const nobody = await api.http.get(`/api/v1/plans/${planId}/history?actor=someone-else`).set(auditor).expect(200);
    expect(nobody.body.events).toEqual([]);
    const agency = await api.http
      .get(`/api/v1/plans/${planId}/history?agency=PSDHS-SK&limit=2`)
      .set(auditor)
      .expect(200);
    expect(agency.body.events).toHaveLength(2);
    expect(agency.body.next).toContain('afterRevision=1');
  });

  it('compares two revisions: what was added, changed and removed', async () => {
    const res = await api.http.get(`/api/v1/plans/${planId}/comparison?from=0&to=2`).set(auditor).expect(200);
    expect(res.body.added).toEqual([expect.objectContaining({ path: `projects[${projectId}]`, before: null })]);
    expect(res.body.added[0].after.requestedBudgetSatang).toBe(12_000_000);
    const budget = await api.http.get(`/api/v1/plans/${planId}/comparison?from=1&to=2`).set(auditor).expect(200);
    expect(budget.body.changed).toEqual([
      { path: `projects[${projectId}].requestedBudgetSatang`, before: 15_000_000, after: 12_000_000 },
      { path: `projects[${projectId}].budgetLines[${projectId}].amountSatang`, before: 15_000_000, after: 12_000_000 },
    ]);
  });

  it('exports the trail as CSV that Excel reads as UTF-8', async () => {
    const res = await api.http.get(`/api/v1/plans/${planId}/history?format=csv`).set(auditor).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain(`plan-${planId}-history.csv`);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'revision,occurredAt,recordedAt,type,actor,agency,role,reason,correlationId,eventId,changes,data',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน');
  });

  it('finds no revision beyond the last, for the view and for a comparison', async () => {
    const view = await api.http.get(`/api/v1/plans/${planId}?revision=1051`).set(auditor).expect(404);
    expect(view.body).toMatchObject({ code: 'PLAN.REVISION_NOT_FOUND', revision: 1051, latestRevision: 2 });
    const comparison = await api.http.get(`/api/v1/plans/${planId}/comparison?from=0&to=1051`).set(auditor).expect(404);
    expect(comparison.body.code).toBe('PLAN.REVISION_NOT_FOUND');
    await api.http.get(`/api/v1/plans/${planId}?revision=2`).set(auditor).expect(200);
  });

  it('verifies the hash chain of the whole log', async () => {
    const res = await api.http.get('/api/v1/audit/verification').set(auditor).expect(200);
    // The harness's four agencies, then the plan's three events.
    expect(res.body).toMatchObject({ ok: true, firstBreak: null, eventsChecked: 7 });
    expect(res.body.head.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a malformed date', async () => {
    const res = await api.http.get(`/api/v1/plans/${planId}?asOf=yesterday`).set(auditor).expect(400);
    expect(res.body.code).toBe('REQUEST.INVALID');
  });
});
