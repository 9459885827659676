import { collect, CommandRunner, EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { hashPassword } from '@ruamjai/identity';
import type { Decider, Role } from '@ruamjai/kernel';
import { randomUUID } from 'node:crypto';
import { samplePlan, startApi, type ApiHarness } from './support/api-harness';

const SA_KAEO = 'TH-27';
const TRAT = 'TH-23';
const BANGKOK = 'TH-10';

const person = { givenName: 'Sophea (fictional)', identityDocuments: [{ kind: 'passport', number: 'N9990077' }] };

/**
 * Who reads, by role: the agency they act for, and their home province when at home (Sa Kaeo) or
 * elsewhere. The officer belongs to the agency that owns the case in both places, so that only the
 * province can be what hides it; national roles' "elsewhere" is the capital.
 */
const ROLE_CELLS: Record<Role, { agency: string; own: string; other: string }> = {
  coordinator: { agency: 'PSDHS-SK', own: SA_KAEO, other: TRAT },
  agency_officer: { agency: 'SHELTER-SK', own: SA_KAEO, other: TRAT },
  auditor: { agency: 'OAG', own: SA_KAEO, other: TRAT },
  viewer: { agency: 'PROV-SK', own: SA_KAEO, other: TRAT },
  chair: { agency: 'PROV-SK', own: SA_KAEO, other: TRAT },
  secretariat: { agency: 'OAG', own: SA_KAEO, other: BANGKOK },
  national_auditor: { agency: 'OAG', own: SA_KAEO, other: BANGKOK },
  national_viewer: { agency: 'OAG', own: SA_KAEO, other: BANGKOK },
};

/**
 * The status a reader gets for Sa Kaeo's plan and Sa Kaeo's case, from Sa Kaeo ("own") or from
 * another province ("other"). 403: the role reads no such thing anywhere; 404: it would, but not in
 * another province, where the plan or case is as unknown as an id that never existed.
 */
const MATRIX: Record<Role, { plan: { own: number; other: number }; case: { own: number; other: number } }> = {
  coordinator: { plan: { own: 200, other: 404 }, case: { own: 200, other: 404 } },
  agency_officer: { plan: { own: 200, other: 404 }, case: { own: 200, other: 404 } },
  auditor: { plan: { own: 200, other: 404 }, case: { own: 200, other: 404 } },
  viewer: { plan: { own: 403, other: 403 }, case: { own: 403, other: 403 } },
  chair: { plan: { own: 200, other: 404 }, case: { own: 403, other: 403 } },
  secretariat: { plan: { own: 200, other: 200 }, case: { own: 403, other: 403 } },
  national_auditor: { plan: { own: 200, other: 200 }, case: { own: 200, other: 200 } },
  national_viewer: { plan: { own: 403, other: 403 }, case: { own: 403, other: 403 } },
};

const CELLS = (Object.keys(MATRIX) as Role[]).flatMap((role) =>
  (['own', 'other'] as const).flatMap((where) =>
    (['plan', 'case'] as const).map((what) => [role, where, what, MATRIX[role][what][where]] as const),
  ),
);

/** What a deployment before provinces wrote: a case opened with no province in its event. */
const legacy = (event: { type: string; data: object }): Decider<{ type: string; at: Date }, null, never> => ({
  initialState: null,
  decide: () => [event as never],
  evolve: (state) => state,
});

describe('provinces: each reads its own, national roles read across', () => {
  let api: ApiHarness;
  const auth = async (
    role: Role,
    province?: string,
    agency = ROLE_CELLS[role].agency,
    sub = `${role}.${province}`,
  ) => ({
    Authorization: `Bearer ${await api.token(role, sub, agency, province)}`,
  });
  let saKaeoPlan: string;
  let tratPlan: string;
  let saKaeoCase: string;
  let position: string;

  beforeAll(async () => {
    api = await startApi();
    const coordinator = await auth('coordinator', SA_KAEO);
    for (const [code, agencyType] of [
      ['SHELTER-SK', 'shelter'],
      ['PSDHS-TRT', 'social_development'],
    ])
      await api.http
        .post('/api/v1/agencies')
        .set(coordinator)
        .send({ code, nameTh: `หน่วยงาน ${code}`, agencyType })
        .expect(201);
    saKaeoPlan = (await api.http.post('/api/v1/plans').set(coordinator).send(samplePlan).expect(201)).body.planId;
    const trat = await auth('coordinator', TRAT, 'PSDHS-TRT');
    const drafted = await api.http
      .post('/api/v1/plans')
      .set(trat)
      .send({ provinceCode: TRAT, fiscalYear: 2562, titleTh: 'แผนปฏิบัติการ จังหวัดตราด ประจำปี 2562' })
      .expect(201);
    tratPlan = drafted.body.planId;
    const opened = await api.http
      .post('/api/v1/cases')
      .set(await auth('agency_officer', SA_KAEO))
      .send({ source: 'police', districtCode: '2706', foundOn: '2019-05-03', ageGroup: 'adult', person })
      .expect(201);
    saKaeoCase = opened.body.caseId;
    position = String(opened.body.position);
  });

  afterAll(() => api.close());

  it.each(CELLS)('a %s reading from %s province a Sa Kaeo %s gets %i', async (role, where, what, status) => {
    const headers = await auth(role, ROLE_CELLS[role][where]);
    const path = what === 'plan' ? `/api/v1/plans/${saKaeoPlan}` : `/api/v1/cases/${saKaeoCase}`;
    const res = await api.http.get(`${path}?minPosition=${position}`).set(headers);
    expect(res.status).toBe(status);
  });

  it('walks every role against both provinces and both kinds of record', () => {
    expect(CELLS).toHaveLength(8 * 2 * 2);
    expect(new Set(CELLS.map(([role]) => role)).size).toBe(8);
  });

  it("answers another province's plan and case with exactly what an unknown id gets", async () => {
    const trat = await auth('coordinator', TRAT, 'PSDHS-TRT');
    const unknown = randomUUID();
    for (const [path, id] of [
      ['/api/v1/plans/', saKaeoPlan],
      ['/api/v1/cases/', saKaeoCase],
    ]) {
      const hidden = await api.http.get(`${path}${id}`).set(trat).expect(404);
      const missing = await api.http.get(`${path}${unknown}`).set(trat).expect(404);
      expect(hidden.headers['content-type']).toBe(missing.headers['content-type']);
      const { correlationId: _a, ...hiddenBody } = hidden.body as Record<string, unknown>;
      const { correlationId: _b, ...missingBody } = missing.body as Record<string, unknown>;
      expect(JSON.stringify(hiddenBody).replaceAll(id, 'ID')).toBe(
        JSON.stringify(missingBody).replaceAll(unknown, 'ID'),
      );
    }
  });

  it("answers a command on another province's plan as on an unknown one", async () => {
    const unknown = randomUUID();
    for (const [role, agency, path, body] of [
      ['coordinator', 'PSDHS-TRT', 'submission', {}],
      ['chair', 'PROV-SK', 'closure', { resultsSummary: 'ครบ' }],
    ] as const) {
      const headers = await auth(role, TRAT, agency);
      const command = (planId: string) =>
        api.http.post(`/api/v1/plans/${planId}/${path}`).set(headers).set('If-Match', '"0"').send(body);
      const hidden = await command(saKaeoPlan);
      const missing = await command(unknown);
      expect(hidden.status).toBe(404);
      expect([hidden.status, hidden.body.code]).toEqual([missing.status, missing.body.code]);
      expect(hidden.body.code).toBe('PLAN.NOT_FOUND');
    }
  });

  it('refuses a coordinator drafting a plan for another province (403 PLAN.OUTSIDE_PROVINCE)', async () => {
    const res = await api.http
      .post('/api/v1/plans')
      .set(await auth('coordinator', SA_KAEO))
      .send({ provinceCode: TRAT, fiscalYear: 2563, titleTh: 'แผนของจังหวัดอื่น' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('PLAN.OUTSIDE_PROVINCE');
  });

  it('lists a province its own plans; national roles every province, or the one they ask for', async () => {
    const ids = async (headers: Record<string, string>, query = '') =>
      ((await api.http.get(`/api/v1/plans${query}`).set(headers).expect(200)).body.plans as { planId: string }[]).map(
        (p) => p.planId,
      );
    expect(await ids(await auth('coordinator', SA_KAEO))).toEqual([saKaeoPlan]);
    expect(await ids(await auth('coordinator', TRAT, 'PSDHS-TRT'))).toEqual([tratPlan]);
    const national = await auth('national_auditor', BANGKOK);
    expect((await ids(national)).sort()).toEqual([saKaeoPlan, tratPlan].sort());
    expect(await ids(national, `?province=${TRAT}`)).toEqual([tratPlan]);
    const asked = await api.http.get(`/api/v1/plans?province=${TRAT}`).set(await auth('viewer', SA_KAEO));
    expect(asked.status).toBe(403);
    expect(asked.body.code).toBe('PROVINCE.OUT_OF_REACH');
  });

  it("keeps another province's plan reports, case counts and case statistics from a province's people", async () => {
    const trat = await auth('coordinator', TRAT, 'PSDHS-TRT');
    const report = await api.http.get(`/api/v1/plans/${saKaeoPlan}/reports/action-plan?format=json`).set(trat);
    expect([report.status, report.body.code]).toEqual([404, 'PLAN.NOT_FOUND']);
    await api.http
      .get(`/api/v1/plans/${saKaeoPlan}/reports/action-plan?format=json`)
      .set(await auth('national_auditor', BANGKOK))
      .expect(200);
    const counted = async (headers: Record<string, string>) =>
      (await api.http.get(`/api/v1/dashboards/cases?minPosition=${position}`).set(headers).expect(200)).body.total;
    expect(await counted(trat)).toEqual({ count: 0, suppressed: false });
    expect(await counted(await auth('viewer', SA_KAEO))).not.toEqual({ count: 0, suppressed: false });
    const elsewhere = await api.http
      .get(`/api/v1/reports/case-statistics?format=json&provinceCode=${SA_KAEO}`)
      .set(trat);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'PROVINCE.OUT_OF_REACH']);
  });

  it("reads a token without a province claim as the deployment's province", async () => {
    const old = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    expect((await api.http.get('/api/v1/auth/me').set(old).expect(200)).body.province).toBe(SA_KAEO);
    await api.http.get(`/api/v1/plans/${saKaeoPlan}`).set(old).expect(200);
    await api.http.get(`/api/v1/plans/${tratPlan}`).set(old).expect(404);
  });

  it("reads a case opened before provinces (no province in its event) as the deployment's", async () => {
    const caseId = randomUUID();
    const store = api.app.get<EventStore>(EVENT_STORE);
    const opened = {
      type: 'CaseOpened',
      data: {
        caseId,
        personId: randomUUID(),
        owningAgency: 'SHELTER-SK',
        source: 'ngo',
        districtCode: '2701',
        foundOn: '2019-05-01',
        ageGroup: 'child',
        openedAt: '2019-05-01T03:00:00.000Z',
        personalData: 'rj1.legacy',
      },
    };
    const actor = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer' as const, province: SA_KAEO };
    const written = await new CommandRunner(store).run(
      legacy(opened),
      `case-${caseId}`,
      { type: 'OpenCase', at: new Date('2019-05-01T03:00:00Z') },
      { actor, correlationId: 'legacy', causationId: 'legacy' },
    );
    const [recorded] = await collect(store.readStream(`case-${caseId}`));
    expect(recorded.data).not.toHaveProperty('province');
    const read = (headers: Record<string, string>) =>
      api.http.get(`/api/v1/cases/${caseId}?minPosition=${written.position}`).set(headers);
    expect((await read(await auth('coordinator', SA_KAEO))).status).toBe(200);
    expect((await read(await auth('coordinator', TRAT, 'PSDHS-TRT'))).status).toBe(404);
    expect((await read(await auth('national_auditor', BANGKOK))).status).toBe(200);
  });

  it("signs in an account registered before provinces into the deployment's province", async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const registered = {
      type: 'UserRegistered',
      data: {
        username: 'governor.old',
        displayName: 'ผู้ว่าราชการจังหวัด',
        role: 'chair',
        agency: 'PROV-SK',
        passwordHash: await hashPassword('one-time-pass-1'),
      },
    };
    const secretariat = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const, province: SA_KAEO };
    await new CommandRunner(store).run(
      legacy(registered),
      'user-governor.old',
      { type: 'RegisterUser', at: new Date() },
      { actor: secretariat, correlationId: 'legacy', causationId: 'legacy' },
    );
    const first = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'governor.old', password: 'one-time-pass-1' })
      .expect(200);
    const changed = await api.http
      .post('/api/v1/auth/password-change')
      .send({ challenge: first.body.challenge, newPassword: 'a much longer passphrase 2562' })
      .expect(200);
    expect(changed.body.status).toBe('signed_in');
    expect(changed.body.user.province).toBe(SA_KAEO);
    const token = changed.body.accessToken as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { province?: string };
    expect(claims.province).toBe(SA_KAEO);
    await api.http.get(`/api/v1/plans/${tratPlan}`).set('Authorization', `Bearer ${token}`).expect(404);
  });
});
