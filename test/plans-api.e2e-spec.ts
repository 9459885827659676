import Database from 'better-sqlite3';
import { loadOrCreateSigningKey } from '@ruamjai/security';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { collect, EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

describe('plans over HTTP', () => {
  let api: ApiHarness;
  let auth: { Authorization: string };

  beforeAll(async () => {
    api = await startApi();
    auth = { Authorization: `Bearer ${await api.token()}` };
  });
  afterAll(() => api.close());

  const store = () => api.app.get<EventStore>(EVENT_STORE);
  const eventsOf = async (planId: string) => collect(store().readStream(`plan-${planId}`)).catch(() => []);

  async function draftPlan(): Promise<{ planId: string; etag: string; position: string }> {
    const res = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    return { planId: res.body.planId, etag: res.headers.etag, position: res.body.position };
  }

  describe('a coordinator with a token', () => {
    it('drafts a plan, adds a project and reads the view and the history', async () => {
      const { planId, etag } = await draftPlan();
      expect(etag).toBe('"0"');
      const added = await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', etag)
        .send(sampleProject)
        .expect(201);
      expect(added.headers.etag).toBe('"1"');
      expect(added.headers['x-ruamjai-position']).toBe(added.body.position);

      const view = await api.http
        .get(`/api/v1/plans/${planId}?minPosition=${added.body.position}`)
        .set(auth)
        .expect(200);
      expect(view.headers.etag).toBe('"1"');
      expect(view.body).toMatchObject({
        planId,
        provinceCode: 'TH-27',
        fiscalYear: 2562,
        fiscalYearStart: '2018-10-01',
        fiscalYearEnd: '2019-09-30',
        projects: [
          {
            projectId: added.body.projectId,
            requestedBudgetSatang: 15_000_000,
            districtCodes: ['2706', '2708', '2703', '2702'],
          },
        ],
        totals: { projectCount: 1, requestedBudgetSatang: 15_000_000 },
      });

      const history = await api.http
        .get(`/api/v1/plans/${planId}/history?minPosition=${added.body.position}`)
        .set(auth)
        .expect(200);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['PlanDrafted', 'ProjectAdded']);
      expect(history.body.events[1]).toMatchObject({
        actor: 'somchai',
        agency: 'PSDHS-SK',
        role: 'coordinator',
        revision: 1,
        data: { projectId: added.body.projectId },
      });
    });

    it('revises a budget with a reason, which the history keeps', async () => {
      const { planId, etag } = await draftPlan();
      const added = await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', etag)
        .send(sampleProject)
        .expect(201);
      const revised = await api.http
        .post(`/api/v1/plans/${planId}/projects/${added.body.projectId}/budget-revisions`)
        .set(auth)
        .set('If-Match', added.headers.etag)
        .send({ requestedBudgetSatang: 12_000_000, reason: 'ลดจำนวนผู้เข้าร่วม' })
        .expect(201);
      const history = await api.http
        .get(`/api/v1/plans/${planId}/history?minPosition=${revised.body.position}`)
        .set(auth)
        .expect(200);
      expect(history.body.events[2]).toMatchObject({
        type: 'ProjectBudgetRevised',
        reason: 'ลดจำนวนผู้เข้าร่วม',
        data: { previousBudgetSatang: 15_000_000 },
      });
    });

    it('records actor, agency, role, correlation, causation, command type, schema version and time on every event', async () => {
      const res = await api.http
        .post('/api/v1/plans')
        .set(auth)
        .set('X-Correlation-Id', 'corr-123')
        .send(samplePlan)
        .expect(201);
      expect(res.headers['x-correlation-id']).toBe('corr-123');
      const [event] = await eventsOf(res.body.planId);
      expect(event.metadata).toMatchObject({
        actorId: 'somchai',
        agency: 'PSDHS-SK',
        role: 'coordinator',
        correlationId: 'corr-123',
        causationId: expect.any(String),
        commandType: 'DraftPlan',
        schemaVersion: 1,
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    });
  });

  describe('concurrent writers', () => {
    it('let exactly one of 20 parallel add-project requests with the same If-Match through; the rest get 412', async () => {
      const { planId, etag } = await draftPlan();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.http
            .post(`/api/v1/plans/${planId}/projects`)
            .set(auth)
            .set('If-Match', etag)
            .send({ ...sampleProject, titleTh: `โครงการที่ ${i}` }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(19);
      expect(responses.find((r) => r.status === 412)!.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(responses.find((r) => r.status === 412)!.body.code).toBe('PRECONDITION.FAILED');
      expect(await eventsOf(planId)).toHaveLength(2);
    });

    it('refuse an update without If-Match with 428', async () => {
      const { planId } = await draftPlan();
      const res = await api.http.post(`/api/v1/plans/${planId}/projects`).set(auth).send(sampleProject).expect(428);
      expect(res.body.code).toBe('PRECONDITION.REQUIRED');
      expect(await eventsOf(planId)).toHaveLength(1);
    });

    it('refuse a stale If-Match with 412 and the current ETag', async () => {
      const { planId, etag } = await draftPlan();
      await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', etag)
        .send(sampleProject)
        .expect(201);
      const stale = await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', etag)
        .send(sampleProject)
        .expect(412);
      expect(stale.headers.etag).toBe('"1"');
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first response to a retry and appends nothing more', async () => {
      const key = randomUUID();
      const first = await api.http
        .post('/api/v1/plans')
        .set(auth)
        .set('Idempotency-Key', key)
        .send(samplePlan)
        .expect(201);
      const again = await api.http
        .post('/api/v1/plans')
        .set(auth)
        .set('Idempotency-Key', key)
        .send(samplePlan)
        .expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await eventsOf(first.body.planId)).toHaveLength(1);
    });

    it('runs concurrent retries of an update once: one 201, the others in progress or replayed, one event', async () => {
      const { planId, etag } = await draftPlan();
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          api.http
            .post(`/api/v1/plans/${planId}/projects`)
            .set(auth)
            .set('If-Match', etag)
            .set('Idempotency-Key', key)
            .send(sampleProject),
        ),
      );
      const created = responses.filter((r) => r.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(
        responses.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'IDEMPOTENCY.IN_PROGRESS')),
      ).toBe(true);
      expect(new Set(created.map((r) => r.body.projectId)).size).toBe(1);
      expect(await eventsOf(planId)).toHaveLength(2);
      const later = await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', etag)
        .set('Idempotency-Key', key)
        .send(sampleProject)
        .expect(201);
      expect(later.body.projectId).toBe(created[0].body.projectId);
    });

    it('never lets concurrent requests with one key and different bodies both succeed', async () => {
      const { planId, etag } = await draftPlan();
      const added = await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', etag)
        .send(sampleProject)
        .expect(201);
      const key = randomUUID();
      const responses = await Promise.all(
        [3001, 3002, 3003].map((amount) =>
          api.http
            .post(`/api/v1/plans/${planId}/projects/${added.body.projectId}/budget-revisions`)
            .set(auth)
            .set('If-Match', added.headers.etag)
            .set('Idempotency-Key', key)
            .send({ requestedBudgetSatang: amount, reason: 'ปรับงบ' }),
        ),
      );
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
      expect(
        responses
          .filter((r) => r.status !== 201)
          .every((r) => ['IDEMPOTENCY.IN_PROGRESS', 'IDEMPOTENCY.KEY_REUSED'].includes(r.body.code)),
      ).toBe(true);
      const events = await eventsOf(planId);
      expect(events).toHaveLength(3);
      const winner = responses.find((r) => r.status === 201)!;
      expect(winner.body.revision).toBe('2');
    });

    it('writes nothing twice for a retry whose record was lost after its events were stored (a power failure)', async () => {
      const { planId, etag } = await draftPlan();
      const key = randomUUID();
      const send = () =>
        api.http
          .post(`/api/v1/plans/${planId}/projects`)
          .set(auth)
          .set('If-Match', etag)
          .set('Idempotency-Key', key)
          .send(sampleProject);
      const first = await send().expect(201);
      // Another coordinator writes after it, so the retry's If-Match is stale by then.
      await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(auth)
        .set('If-Match', first.headers.etag)
        .send({ ...sampleProject, titleTh: 'อีกโครงการหนึ่ง' })
        .expect(201);
      // The records file syncs with the operating system, not the disk: a power failure may take the
      // last records with it while the log (synchronous=FULL) keeps their events.
      const records = new Database(join(api.config.dataDir, 'requests.sqlite'));
      expect(records.prepare('DELETE FROM idempotency_records WHERE key = ?').run(key).changes).toBe(1);
      records.close();
      const again = await send().expect(201);
      expect(again.headers['idempotent-replayed']).toBeUndefined();
      expect(again.body.projectId).toBe(first.body.projectId);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(await eventsOf(planId)).toHaveLength(3);
    });

    it('lets one key serve different endpoints without mistaking one request for the other', async () => {
      const key = randomUUID();
      const created = await api.http
        .post('/api/v1/plans')
        .set(auth)
        .set('Idempotency-Key', key)
        .send(samplePlan)
        .expect(201);
      const added = await api.http
        .post(`/api/v1/plans/${created.body.planId}/projects`)
        .set(auth)
        .set('If-Match', '"0"')
        .set('Idempotency-Key', key)
        .send(sampleProject)
        .expect(201);
      expect(added.headers.etag).toBe('"1"');
    });

    it('refuses the same key with a different body with 422', async () => {
      const key = randomUUID();
      await api.http.post('/api/v1/plans').set(auth).set('Idempotency-Key', key).send(samplePlan).expect(201);
      const res = await api.http
        .post('/api/v1/plans')
        .set(auth)
        .set('Idempotency-Key', key)
        .send({ ...samplePlan, titleTh: 'อีกแผนหนึ่ง' })
        .expect(422);
      expect(res.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });
  });

  describe('bad input stores nothing and gets a problem', () => {
    async function expectProblem(
      res: {
        status: number;
        headers: Record<string, string>;
        body: { code: string; messages: { th: string; en: string } };
      },
      status: number,
      code: string,
    ) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe(code);
      expect(res.body.messages.th).toEqual(expect.any(String));
      expect(res.body.messages.en).toEqual(expect.any(String));
    }

    async function withHeadUnchanged(action: () => Promise<void>) {
      const before = await store().headPosition();
      await action();
      expect(await store().headPosition()).toBe(before);
    }

    it.each([
      ['an unknown field', { ...samplePlan, approved: true }],
      ['a fiscal year as a string', { ...samplePlan, fiscalYear: '2562' }],
      ['a fiscal year out of range', { ...samplePlan, fiscalYear: 1999 }],
      ['a missing Thai title', { provinceCode: 'TH-27', fiscalYear: 2562 }],
      ['a malformed province code', { ...samplePlan, provinceCode: 'Sa Kaeo' }],
    ])('refuses a plan with %s', async (_, body) => {
      await withHeadUnchanged(async () =>
        expectProblem(await api.http.post('/api/v1/plans').set(auth).send(body), 400, 'REQUEST.INVALID'),
      );
    });

    it('refuses a fiscal year the Act does not cover, in the domain', async () => {
      await withHeadUnchanged(async () =>
        expectProblem(
          await api.http
            .post('/api/v1/plans')
            .set(auth)
            .send({ ...samplePlan, fiscalYear: 2540 }),
          400,
          'PLAN.FISCAL_YEAR_OUT_OF_RANGE',
        ),
      );
    });

    it('refuses malformed JSON', async () => {
      await withHeadUnchanged(async () =>
        expectProblem(
          await api.http
            .post('/api/v1/plans')
            .set(auth)
            .set('Content-Type', 'application/json')
            .send('{"provinceCode": "TH-27",'),
          400,
          'REQUEST.MALFORMED_JSON',
        ),
      );
    });

    it('refuses a body over the limit with 413', async () => {
      const huge = { ...samplePlan, titleEn: 'x'.repeat(api.config.bodyLimitBytes + 10) };
      await withHeadUnchanged(async () =>
        expectProblem(await api.http.post('/api/v1/plans').set(auth).send(huge), 413, 'REQUEST.TOO_LARGE'),
      );
    });

    it('refuses a non-UUID plan id', async () => {
      await withHeadUnchanged(async () =>
        expectProblem(
          await api.http.post('/api/v1/plans/not-a-uuid/projects').set(auth).set('If-Match', '"0"').send(sampleProject),
          400,
          'REQUEST.INVALID',
        ),
      );
      await expectProblem(await api.http.get('/api/v1/plans/12345').set(auth), 400, 'REQUEST.INVALID');
    });

    it.each([
      ['a negative budget', { requestedBudgetSatang: -1 }],
      ['a fractional budget', { requestedBudgetSatang: 10.5 }],
      ['a budget as a string', { requestedBudgetSatang: '150000' }],
      ['an unknown funding source', { fundingSource: 'lottery' }],
      ['a malformed district code', { districtCodes: ['Aranyaprathet'] }],
    ])('refuses a project with %s', async (_, change) => {
      const { planId, etag } = await draftPlan();
      await withHeadUnchanged(async () =>
        expectProblem(
          await api.http
            .post(`/api/v1/plans/${planId}/projects`)
            .set(auth)
            .set('If-Match', etag)
            .send({ ...sampleProject, ...change }),
          400,
          'REQUEST.INVALID',
        ),
      );
    });

    it('refuses a district of another province, in the domain', async () => {
      const { planId, etag } = await draftPlan();
      await withHeadUnchanged(async () =>
        expectProblem(
          await api.http
            .post(`/api/v1/plans/${planId}/projects`)
            .set(auth)
            .set('If-Match', etag)
            .send({ ...sampleProject, districtCodes: ['1001'] }),
          400,
          'PLAN.DISTRICT_NOT_IN_PROVINCE',
        ),
      );
    });

    it('answers an unknown plan with 404', async () => {
      await expectProblem(await api.http.get(`/api/v1/plans/${randomUUID()}`).set(auth), 404, 'PLAN.NOT_FOUND');
      await expectProblem(await api.http.get(`/api/v1/plans/${randomUUID()}/history`).set(auth), 404, 'PLAN.NOT_FOUND');
      await expectProblem(
        await api.http
          .post(`/api/v1/plans/${randomUUID()}/projects`)
          .set(auth)
          .set('If-Match', '"0"')
          .send(sampleProject),
        404,
        'PLAN.NOT_FOUND',
      );
    });

    it('answers in English when asked and in Thai by default', async () => {
      const thai = await api.http.get(`/api/v1/plans/${randomUUID()}`).set(auth);
      const english = await api.http
        .get(`/api/v1/plans/${randomUUID()}`)
        .set(auth)
        .set('Accept-Language', 'en-GB,en;q=0.9');
      expect(thai.body.title).toMatch(/ไม่พบแผน/);
      expect(english.body.title).toMatch(/was not found/);
    });
  });

  describe('authorisation', () => {
    it.each(['viewer', 'auditor'] as const)('refuses a %s who tries to draft a plan, storing nothing', async (role) => {
      const before = await store().headPosition();
      const res = await api.http
        .post('/api/v1/plans')
        .set('Authorization', `Bearer ${await api.token(role, 'reader', 'IMM-SK')}`)
        .send(samplePlan)
        .expect(403);
      expect(res.body.code).toBe('AUTH.NOT_PERMITTED');
      expect(await store().headPosition()).toBe(before);
    });

    it('lets an auditor read a plan and its history', async () => {
      const { planId } = await draftPlan();
      const auditor = { Authorization: `Bearer ${await api.token('auditor', 'auditor1', 'OAG')}` };
      await api.http.get(`/api/v1/plans/${planId}/history`).set(auditor).expect(200);
    });
  });

  describe('authentication', () => {
    it('refuses a request without a token with 401', async () => {
      const res = await api.http.post('/api/v1/plans').send(samplePlan).expect(401);
      expect(res.body.code).toBe('AUTH.TOKEN_MISSING');
      expect(res.headers['www-authenticate']).toMatch(/Bearer/);
    });

    it('refuses a tampered token with 401', async () => {
      const token = await api.token();
      const [h, p, s] = token.split('.');
      const payload = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'chair' }),
      ).toString('base64url');
      const res = await api.http
        .get(`/api/v1/plans/${randomUUID()}`)
        .set('Authorization', `Bearer ${h}.${payload}.${s}`)
        .expect(401);
      expect(res.body.code).toBe('AUTH.TOKEN_INVALID');
    });

    it('leaves /health open', async () => {
      const res = await api.http.get('/health').expect(200);
      expect(res.body).toMatchObject({
        status: 'up',
        eventStore: { status: 'up' },
        readModels: { status: 'up' },
        requestRecords: { status: 'up' },
      });
    });
  });

  describe('operability', () => {
    it('serves the OpenAPI document and Swagger UI', async () => {
      const doc = await api.http.get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/plans', '/api/v1/plans/{planId}/projects', '/api/v1/plans/{planId}/history']),
      );
      await api.http.get('/api/docs').expect(200);
    });

    it('sends security headers', async () => {
      const res = await api.http.get('/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });
});

describe('metrics', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('counts commands by outcome and times them, and reports projection lag, for Prometheus', async () => {
    const auth = { Authorization: `Bearer ${await api.token()}` };
    const created = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    await api.http
      .post('/api/v1/plans')
      .set(auth)
      .send({ ...samplePlan, fiscalYear: 2540 })
      .expect(400);
    await api.http
      .get(`/api/v1/plans/${created.body.planId}?minPosition=${created.body.position}`)
      .set(auth)
      .expect(200);
    const res = await api.http.get('/metrics').expect(200);
    expect(res.text).toMatch(/ruamjai_commands_total\{command="DraftPlan",outcome="ok",app="api"\} 1/);
    expect(res.text).toMatch(/ruamjai_commands_total\{command="DraftPlan",outcome="refused",app="api"\} 1/);
    expect(res.text).toMatch(/ruamjai_command_duration_seconds_count\{app="api",command="DraftPlan"\} 2/);
    expect(res.text).toMatch(/ruamjai_projection_lag_positions\{[^}]*projection="plan-view"[^}]*\} 0/);
  });
});

describe('details a careful client relies on', () => {
  let api: ApiHarness;
  let auth: { Authorization: string };
  beforeAll(async () => {
    api = await startApi();
    auth = { Authorization: `Bearer ${await api.token()}` };
  });
  afterAll(() => api.close());

  it('refuses a JSON body sent as text/plain with 415', async () => {
    const res = await api.http
      .post('/api/v1/plans')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(samplePlan))
      .expect(415);
    expect(res.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes a title of spaces for no title', async () => {
    const res = await api.http
      .post('/api/v1/plans')
      .set(auth)
      .send({ ...samplePlan, titleTh: '     ' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('titleTh');
  });

  it('never matches a weak ETag in If-Match', async () => {
    const created = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    const res = await api.http
      .post(`/api/v1/plans/${created.body.planId}/projects`)
      .set(auth)
      .set('If-Match', 'W/"0"')
      .send(sampleProject)
      .expect(412);
    expect(res.body.code).toBe('PRECONDITION.WEAK_ETAG');
  });

  it('finds a plan by its id in upper case too', async () => {
    const created = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    await api.http
      .get(`/api/v1/plans/${String(created.body.planId).toUpperCase()}?minPosition=${created.body.position}`)
      .set(auth)
      .expect(200);
  });

  it('refuses a token without an expiry', async () => {
    const key = await loadOrCreateSigningKey(api.config.dataDir);
    const forever = await new SignJWT({ agency: 'PSDHS-SK', role: 'coordinator' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('somchai')
      .setIssuer('ruamjai')
      .setAudience('ruamjai-api')
      .sign(key.privateKey);
    await api.http.get('/health').set('Authorization', `Bearer ${forever}`).expect(200);
    const res = await api.http
      .get(`/api/v1/plans/${randomUUID()}`)
      .set('Authorization', `Bearer ${forever}`)
      .expect(401);
    expect(res.body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('shows causation, command type and schema version in the history', async () => {
    const created = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    const history = await api.http.get(`/api/v1/plans/${created.body.planId}/history`).set(auth).expect(200);
    expect(history.body.events[0]).toMatchObject({
      causationId: expect.any(String),
      commandType: 'DraftPlan',
      schemaVersion: 1,
    });
  });
});
