import type { Role } from '@ruamjai/kernel';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

/**
 * Every read route of the OpenAPI document, walked by every kind of caller against the role and
 * need-to-know rules. The routes come from the document itself: a new read route that is not in
 * READS below fails the first test, so none can be added without saying who may read it.
 */

type Caller = 'coordinator' | 'chair' | 'auditor' | 'viewer' | 'owner' | 'recipient' | 'outsider';
const CALLERS: Record<Caller, { role: Role; agency: string; sub: string }> = {
  coordinator: { role: 'coordinator', agency: 'PSDHS-SK', sub: 'somchai' },
  chair: { role: 'chair', agency: 'PROV-SK', sub: 'governor' },
  auditor: { role: 'auditor', agency: 'OAG', sub: 'auditor1' },
  viewer: { role: 'viewer', agency: 'PROV-SK', sub: 'viewer1' },
  // The case's owning agency, which also pledged shelter beds to it.
  owner: { role: 'agency_officer', agency: 'SHELTER-SK', sub: 'malee.s' },
  // Holds an active referral of the case.
  recipient: { role: 'agency_officer', agency: 'HEALTH-SK', sub: 'nurse.a' },
  // Has nothing to do with the case.
  outsider: { role: 'agency_officer', agency: 'LABOUR-SK', sub: 'lab.c' },
};

interface Fixture {
  planId: string;
  caseId: string;
  referralId: string;
  casePledge: string;
  projectPledge: string;
}

const all = (status: number): Record<Caller, number> => ({
  coordinator: status,
  chair: status,
  auditor: status,
  viewer: status,
  owner: status,
  recipient: status,
  outsider: status,
});
const OVERSIGHT_ONLY = { ...all(403), coordinator: 200, auditor: 200 };
const CASE_WORKERS = { ...all(200), chair: 403, viewer: 403 };
/** One case's record: its parties see it; roles that see no case are refused; an outside officer is told it does not exist. */
const ONE_CASE = { ...CASE_WORKERS, outsider: 404 };
const PLAN_TRAIL = { ...all(403), coordinator: 200, chair: 200, auditor: 200 };

/** `notFound`: the code of a 404 other than the usual …NOT_FOUND (a route this server's configuration leaves off). */
const READS: Record<
  string,
  { url: (f: Fixture) => string; expect: Record<Caller, number>; stream?: true; notFound?: string }
> = {
  '/health': { url: () => '/health', expect: all(200) },
  '/api/v1/plans/{planId}': { url: (f) => `/api/v1/plans/${f.planId}`, expect: { ...all(200), viewer: 403 } },
  '/api/v1/plans/{planId}/history': { url: (f) => `/api/v1/plans/${f.planId}/history`, expect: PLAN_TRAIL },
  '/api/v1/plans/{planId}/comparison': {
    url: (f) => `/api/v1/plans/${f.planId}/comparison?from=0&to=1`,
    expect: PLAN_TRAIL,
  },
  '/api/v1/plans/{planId}/dashboard': { url: (f) => `/api/v1/plans/${f.planId}/dashboard`, expect: all(200) },
  '/api/v1/dashboards/fiscal-years/{fiscalYear}': {
    url: () => '/api/v1/dashboards/fiscal-years/2562?provinceCode=TH-27',
    expect: all(200),
  },
  '/api/v1/agencies': { url: () => '/api/v1/agencies', expect: { ...all(200), viewer: 403 } },
  '/api/v1/agencies/{code}': { url: () => '/api/v1/agencies/SHELTER-SK', expect: { ...all(200), viewer: 403 } },
  '/api/v1/audit/verification': { url: () => '/api/v1/audit/verification', expect: PLAN_TRAIL },
  '/api/v1/audit/personal-data-reads': {
    url: () => '/api/v1/audit/personal-data-reads',
    expect: { ...all(403), auditor: 200 },
  },
  '/api/v1/cases': { url: () => '/api/v1/cases', expect: CASE_WORKERS },
  '/api/v1/cases/export': { url: () => '/api/v1/cases/export', expect: OVERSIGHT_ONLY },
  '/api/v1/cases/identification-overdue': { url: () => '/api/v1/cases/identification-overdue', expect: CASE_WORKERS },
  '/api/v1/cases/{caseId}': { url: (f) => `/api/v1/cases/${f.caseId}`, expect: ONE_CASE },
  '/api/v1/cases/{caseId}/history': { url: (f) => `/api/v1/cases/${f.caseId}/history`, expect: ONE_CASE },
  '/api/v1/referrals': { url: () => '/api/v1/referrals', expect: CASE_WORKERS },
  '/api/v1/referrals/inbox': { url: () => '/api/v1/referrals/inbox', expect: CASE_WORKERS },
  '/api/v1/referrals/outbox': { url: () => '/api/v1/referrals/outbox', expect: CASE_WORKERS },
  '/api/v1/referrals/escalations': { url: () => '/api/v1/referrals/escalations', expect: OVERSIGHT_ONLY },
  '/api/v1/referrals/time-to-accept': { url: () => '/api/v1/referrals/time-to-accept', expect: OVERSIGHT_ONLY },
  '/api/v1/referrals/{referralId}': { url: (f) => `/api/v1/referrals/${f.referralId}`, expect: ONE_CASE },
  // Asking for a case's pledges is asking about the case: the same answers as reading it.
  '/api/v1/commitments': {
    url: (f) => `/api/v1/commitments?caseId=${f.caseId}`,
    expect: { ...ONE_CASE, chair: 404, viewer: 404 },
  },
  '/api/v1/commitments/{commitmentId}': {
    url: (f) => `/api/v1/commitments/${f.casePledge}`,
    expect: { ...ONE_CASE, chair: 404, viewer: 404 },
  },
  '/api/v1/dashboards/cases': { url: () => '/api/v1/dashboards/cases', expect: all(200) },
  '/api/v1/dashboards/referrals': { url: () => '/api/v1/dashboards/referrals', expect: all(200) },
  '/api/v1/dashboards/commitments': { url: () => '/api/v1/dashboards/commitments', expect: all(200) },
  // Every provincial role reads its own province's row of the national roll-up (counts under the small-count rule).
  '/api/v1/dashboards/national': { url: () => '/api/v1/dashboards/national?fiscalYear=2562', expect: all(200) },
  // The subcommittee's papers carry what the plan carries: readers of plans read them.
  '/api/v1/plans/{planId}/reports/action-plan': {
    url: (f) => `/api/v1/plans/${f.planId}/reports/action-plan`,
    expect: { ...all(200), viewer: 403 },
  },
  '/api/v1/plans/{planId}/reports/quarterly-progress': {
    url: (f) => `/api/v1/plans/${f.planId}/reports/quarterly-progress?quarter=1`,
    expect: { ...all(200), viewer: 403 },
  },
  '/api/v1/plans/{planId}/reports/fund': {
    url: (f) => `/api/v1/plans/${f.planId}/reports/fund`,
    expect: { ...all(200), viewer: 403 },
  },
  // Counts under the small-count rule, as the dashboards: everyone.
  '/api/v1/reports/case-statistics': { url: () => '/api/v1/reports/case-statistics?format=json', expect: all(200) },
  // Records, however coarsened: the secretariat and auditors, as the case register export.
  '/api/v1/reports/htcds': { url: () => '/api/v1/reports/htcds', expect: OVERSIGHT_ONLY },
  // The console's way into a plan or its dashboard: titles and statuses only, so viewers too.
  '/api/v1/plans': { url: () => '/api/v1/plans', expect: all(200) },
  '/api/v1/auth/me': { url: () => '/api/v1/auth/me', expect: all(200) },
  // What the sign-in page offers: public, nothing about anyone.
  '/api/v1/auth/methods': { url: () => '/api/v1/auth/methods', expect: all(200) },
  // Browser redirects of the OpenID sign-in: this server runs the embedded default, where they do not exist.
  '/api/v1/auth/oidc/start': { url: () => '/api/v1/auth/oidc/start', expect: all(404), notFound: 'AUTH.OIDC_DISABLED' },
  '/api/v1/auth/oidc/callback': {
    url: () => '/api/v1/auth/oidc/callback',
    expect: all(404),
    notFound: 'AUTH.OIDC_DISABLED',
  },
  '/api/v1/auth/oidc/sign-out': {
    url: () => '/api/v1/auth/oidc/sign-out',
    expect: all(404),
    notFound: 'AUTH.OIDC_DISABLED',
  },
  // Positions only, nothing about any record: every signed-in role may listen.
  '/api/v1/live': { url: () => '/api/v1/live', expect: all(200), stream: true },
  '/api/v1/users': { url: () => '/api/v1/users', expect: OVERSIGHT_ONLY },
  '/api/v1/users/{username}/history': { url: () => '/api/v1/users/fixture.viewer/history', expect: OVERSIGHT_ONLY },
  // Each person's own bell: everyone, and only their own.
  '/api/v1/me/notifications': { url: () => '/api/v1/me/notifications', expect: all(200) },
  // How a person hears of things: the person and the secretariat.
  '/api/v1/users/{username}/notification-preferences': {
    url: () => '/api/v1/users/fixture.viewer/notification-preferences',
    expect: { ...all(403), coordinator: 200 },
  },
  // Gateways and failed deliveries (addresses of staff): the secretariat.
  '/api/v1/notifications/dead-letters': {
    url: () => '/api/v1/notifications/dead-letters',
    expect: { ...all(403), coordinator: 200 },
  },
  '/api/v1/notifications/webhooks': {
    url: () => '/api/v1/notifications/webhooks',
    expect: { ...all(403), coordinator: 200 },
  },
};
/** Routes that build from the log itself rather than waiting for a projection: they take no minPosition. */
const READ_FROM_LOG = [
  '/health',
  '/api/v1/audit/verification',
  '/api/v1/plans/{planId}/comparison',
  '/api/v1/commitments/{commitmentId}',
  '/api/v1/live',
  '/api/v1/auth/me',
  '/api/v1/auth/methods',
  '/api/v1/auth/oidc/start',
  '/api/v1/auth/oidc/callback',
  '/api/v1/auth/oidc/sign-out',
  '/api/v1/users/{username}/history',
  '/api/v1/me/notifications',
  '/api/v1/users/{username}/notification-preferences',
  '/api/v1/notifications/dead-letters',
  '/api/v1/notifications/webhooks',
  ...Object.keys(READS).filter((route) => route.includes('/reports/')),
];

describe('every read route, by every kind of caller', () => {
  let api: ApiHarness;
  let f: Fixture;
  let position: string;
  const auth = async (caller: Caller) => {
    const c = CALLERS[caller];
    return { Authorization: `Bearer ${await api.token(c.role, c.sub, c.agency)}` };
  };

  beforeAll(async () => {
    api = await startApi();
    const coordinator = await auth('coordinator');
    for (const [code, agencyType] of [
      ['SHELTER-SK', 'shelter'],
      ['HEALTH-SK', 'health'],
      ['LABOUR-SK', 'labour'],
    ]) {
      await api.http
        .post('/api/v1/agencies')
        .set(coordinator)
        .send({ code, nameTh: `หน่วยงาน ${code}`, agencyType })
        .expect(201);
    }
    const planId = (await api.http.post('/api/v1/plans').set(coordinator).send(samplePlan).expect(201)).body.planId;
    const added = (
      await api.http
        .post(`/api/v1/plans/${planId}/projects`)
        .set(coordinator)
        .set('If-Match', '"0"')
        .send(sampleProject)
        .expect(201)
    ).body.position;
    const owner = await auth('owner');
    const caseId = (
      await api.http
        .post('/api/v1/cases')
        .set(owner)
        .send({
          source: 'police',
          districtCode: '2703',
          foundOn: '2019-05-03',
          ageGroup: 'adult',
          person: { givenName: 'Dara (fictional)' },
        })
        .expect(201)
    ).body.caseId;
    await api.http
      .post(`/api/v1/cases/${caseId}/legal-basis`)
      .set(owner)
      .set('If-Match', '"0"')
      .send({ basis: 'vital_interest', reference: 'PDPA s.26(1)' })
      .expect(201);
    const referralId = (
      await api.http
        .post('/api/v1/referrals')
        .set(owner)
        .send({ caseId, toAgency: 'HEALTH-SK', service: 'medical', urgency: 'normal', sharesPersonalData: true })
        .expect(201)
    ).body.referralId;
    const casePledge = (
      await api.http
        .post('/api/v1/commitments')
        .set(owner)
        .send({ targetKind: 'case', caseId, resource: 'shelter_beds', quantity: 2, dueOn: '2030-06-30' })
        .expect(201)
    ).body.commitmentId;
    const plan = await api.http.get(`/api/v1/plans/${planId}?minPosition=${added}`).set(coordinator).expect(200);
    const project = plan.body.projects[0].projectId;
    await api.http
      .post('/api/v1/users')
      .set(coordinator)
      .send({ username: 'fixture.viewer', displayName: 'ผู้ชมทดสอบ', role: 'viewer', agency: 'PROV-SK' })
      .expect(201);
    const pledged = await api.http
      .post('/api/v1/commitments')
      .set(coordinator)
      .send({
        targetKind: 'project',
        planId,
        projectId: project,
        resource: 'staff_days',
        quantity: 10,
        dueOn: '2030-06-30',
      })
      .expect(201);
    position = pledged.body.position;
    f = { planId, caseId, referralId, casePledge, projectPledge: pledged.body.commitmentId };
  }, 180_000);
  afterAll(() => api.close());

  it('knows who may read every read route the OpenAPI document lists', async () => {
    const doc = (await api.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const readRoutes = Object.entries(doc.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path)
      .sort();
    expect(readRoutes).toEqual(Object.keys(READS).sort());
  });

  it.each(
    Object.keys(READS).flatMap((route) => (Object.keys(CALLERS) as Caller[]).map((caller) => [route, caller] as const)),
  )('%s read by the %s', async (route, caller) => {
    const separator = READS[route].url(f).includes('?') ? '&' : '?';
    // Read the fixture's own writes where the route waits for them.
    const waits = !READ_FROM_LOG.includes(route);
    const url = waits ? `${READS[route].url(f)}${separator}minPosition=${position}` : READS[route].url(f);
    const get = api.http.get(url).set(await auth(caller));
    // A stream that is granted never ends: its status and headers are the answer, then it is hung up.
    const res = READS[route].stream
      ? await get.buffer(false).parse((response, done) => {
          (response as unknown as import('node:http').IncomingMessage).destroy();
          done(null, undefined);
        })
      : await get;
    expect({ route, caller, status: res.status }).toEqual({ route, caller, status: READS[route].expect[caller] });
    if (res.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (res.status === 404) expect(res.body.code).toMatch(READS[route].notFound ?? /NOT_FOUND$/);
  });

  it('lists pledges to a case only to those with need-to-know, and pledges to plan projects to everyone', async () => {
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      const res = await api.http
        .get(`/api/v1/commitments?minPosition=${position}`)
        .set(await auth(caller))
        .expect(200);
      const ids = res.body.commitments.map((c: { commitmentId: string }) => c.commitmentId);
      expect({ caller, project: ids.includes(f.projectPledge) }).toEqual({ caller, project: true });
      expect({ caller, case: ids.includes(f.casePledge) }).toEqual({
        caller,
        case: ['coordinator', 'auditor', 'owner', 'recipient'].includes(caller),
      });
    }
  });
});
