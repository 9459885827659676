import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { randomUUID } from 'node:crypto';
import { startApi, samplePlan, type ApiHarness } from './support/api-harness';
import { runCli } from './support/cli';

/**
 * One projection failing on an event (a poison event: written straight to the log, past every
 * decider, as a faulty migration or an old client might have) stalls that view alone: the other
 * views, their queries and every command go on, and operators see which view, at which event, why.
 */
describe('a projection stalled on an event it cannot apply', () => {
  let api: ApiHarness;
  let coordinator: { Authorization: string };
  let poison: bigint;

  beforeAll(async () => {
    api = await startApi();
    coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    const drafted = await api.http.post('/api/v1/plans').set(coordinator).send(samplePlan).expect(201);
    await api.http
      .get(`/api/v1/plans?minPosition=${drafted.headers['x-ruamjai-position']}`)
      .set(coordinator)
      .expect(200);
    // A plan drafted with no facts at all (data null): the plan view cannot read it.
    const store = api.app.get<EventStore>(EVENT_STORE);
    poison = (
      await store.append(`plan-${randomUUID()}`, [{ id: randomUUID(), type: 'PlanDrafted', data: null }], {
        expected: 'no_stream',
      })
    ).position;
  }, 120_000);
  afterAll(() => api?.close());

  async function failing(): Promise<Array<Record<string, unknown>>> {
    const health = await api.http.get('/health');
    return (health.body.projections?.failing ?? []) as Array<Record<string, unknown>>;
  }

  async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('is retried, then named stalled in /health with the event and the error, while the service stays in rotation', async () => {
    await until(
      async () => (await failing()).some((f) => f.name === 'plan-view' && f.state === 'stalled'),
      'plan-view stalled',
    );
    const health = await api.http.get('/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.projections.failing).toEqual([
      expect.objectContaining({
        name: 'plan-view',
        state: 'stalled',
        position: poison.toString(),
        eventType: 'PlanDrafted',
        attempts: 5,
        error: expect.any(String),
      }),
    ]);
    expect(String(health.body.projections.failing[0].error).length).toBeGreaterThan(0);
    const metrics = await api.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/ruamjai_projection_stalled\{projection="plan-view"[^}]*\} 1/);
    expect(metrics.text).toMatch(/ruamjai_projection_stalled\{projection="referral-register"[^}]*\} 0/);
  }, 90_000);

  it('leaves every other view and its queries current, and every command working', async () => {
    await until(async () => (await failing()).some((f) => f.state === 'stalled'), 'stalled');
    const person = { givenName: 'Sophea (fictional)', identityDocuments: [{ kind: 'passport', number: 'N9990077' }] };
    const opened = await api.http
      .post('/api/v1/cases')
      .set(coordinator)
      .send({ source: 'police', districtCode: '2703', foundOn: '2019-05-03', ageGroup: 'adult', person });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const referred = await api.http
      .post('/api/v1/referrals')
      .set(coordinator)
      .send({ caseId, toAgency: 'IMM-SK', service: 'legal_aid', urgency: 'normal', sharesPersonalData: false })
      .expect(201);
    const position = referred.body.position as string;
    const cases = await api.http.get(`/api/v1/cases?minPosition=${position}`).set(coordinator).expect(200);
    expect(JSON.stringify(cases.body)).toContain(caseId);
    const outbox = await api.http.get(`/api/v1/referrals/outbox?minPosition=${position}`).set(coordinator).expect(200);
    expect(JSON.stringify(outbox.body)).toContain(referred.body.referralId);
    // Commands on plans still go through their deciders (the log is the truth; only the view is stale).
    const plans = await api.http.get('/api/v1/plans').set(coordinator).expect(200);
    expect(plans.body.plans.length).toBeGreaterThan(0);
  }, 90_000);

  it('answers a read of the stalled view that asks for a later position with 503 PROJECTION.STALLED at once, in Thai and English; without one, the view as it stands', async () => {
    await until(async () => (await failing()).some((f) => f.state === 'stalled'), 'stalled');
    const started = Date.now();
    const refused = await api.http.get(`/api/v1/plans?minPosition=${poison}`).set(coordinator);
    expect(refused.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(api.config.readYourWritesTimeoutMs);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.body).toMatchObject({ code: 'PROJECTION.STALLED', projections: ['plan-view'] });
    expect(JSON.stringify(refused.body)).toContain('มุมมองข้อมูลนี้หยุดปรับปรุง');
    // A position before the poison event is served.
    await api.http
      .get(`/api/v1/plans?minPosition=${poison - 1n}`)
      .set(coordinator)
      .expect(200);
  }, 90_000);

  it('is named by `projections status` with its event and error, and `projections retry` tries it again', async () => {
    await until(async () => (await failing()).some((f) => f.state === 'stalled'), 'stalled');
    const status = await runCli(api.config.dataDir, 'projections', 'status');
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(
      new RegExp(`plan-view\\s+\\d+\\s+STALLED since .* at position ${poison} \\(PlanDrafted in plan-`),
    );
    expect(status.stdout).toMatch(/referral-register\s+\d+\s+current/);
    const retry = await runCli(api.config.dataDir, 'projections', 'retry', 'plan-view');
    expect(retry).toMatchObject({ code: 0 });
    // The runner takes the request: it retries (the event is still poison) and stalls again.
    await until(
      async () => (await failing()).some((f) => f.name === 'plan-view' && f.state === 'retrying'),
      'retrying as asked',
    );
    await until(
      async () => (await failing()).some((f) => f.name === 'plan-view' && f.state === 'stalled'),
      'stalled again',
    );
    const again = await runCli(api.config.dataDir, 'projections', 'retry', 'referral-register');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('referral-register is not stalled');
  }, 120_000);
});
