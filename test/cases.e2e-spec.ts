import { startApi, type ApiHarness } from './support/api-harness';

const person = {
  givenName: 'Sophea (fictional)',
  familyName: 'Testperson',
  dateOfBirth: '2006-02-01',
  nationality: 'KHM',
  identityDocuments: [{ kind: 'passport', number: 'N9990001' }],
  notes: 'พบที่ด่านอรัญประเทศ',
};
const openCase = { source: 'border_screening', districtCode: '2706', foundOn: '2019-05-01', ageGroup: 'child', person };
const AGENCIES = [
  { code: 'SHELTER-SK', nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว', agencyType: 'shelter' },
  { code: 'HEALTH-SK', nameTh: 'สำนักงานสาธารณสุขจังหวัดสระแก้ว', agencyType: 'health' },
  { code: 'POL-SK', nameTh: 'ตำรวจภูธรจังหวัดสระแก้ว', agencyType: 'police' },
];

describe('case work over HTTP', () => {
  let api: ApiHarness;
  const as = async (role: Parameters<ApiHarness['token']>[0], sub: string, agency: string) => ({
    Authorization: `Bearer ${await api.token(role, sub, agency)}`,
  });
  let coordinator: Record<string, string>;
  let shelter: Record<string, string>;
  let health: Record<string, string>;
  let police: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
    coordinator = await as('coordinator', 'somchai', 'PSDHS-SK');
    shelter = await as('agency_officer', 'malee.s', 'SHELTER-SK');
    health = await as('agency_officer', 'nurse.a', 'HEALTH-SK');
    police = await as('agency_officer', 'pol.b', 'POL-SK');
    for (const agency of AGENCIES) await api.http.post('/api/v1/agencies').set(coordinator).send(agency).expect(201);
  });
  afterAll(() => api.close());

  it('opens a case, works it through the NRM stages, closes and reopens it, with ETags', async () => {
    const opened = await api.http.post('/api/v1/cases').set(shelter).send(openCase).expect(201);
    expect(opened.body).toEqual({
      caseId: expect.any(String),
      personId: expect.any(String),
      revision: '0',
      position: expect.any(String),
    });
    expect(JSON.stringify(opened.body)).not.toContain('Sophea');
    const { caseId } = opened.body;
    let etag = opened.headers.etag;
    const step = async (path: string, body: object, expected = 201) => {
      const res = await api.http
        .post(`/api/v1/cases/${caseId}/${path}`)
        .set(shelter)
        .set('If-Match', etag)
        .send(body)
        .expect(expected);
      if (expected === 201) etag = res.headers.etag;
      return res;
    };
    await step('screening', { indicators: ['debt_bondage'], formReference: 'ร.บ.1/2562-014' });
    const skip = await step('stage-changes', { stage: 'prosecution_support' }, 409);
    expect(skip.body.code).toBe('CASE.ILLEGAL_TRANSITION');
    await step('identification', { outcome: 'victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' });
    await step('stage-changes', { stage: 'return_reintegration' });
    await step('case-manager', { caseManagerId: 'malee.s' });
    await step('closure', { outcome: 'reintegrated' });
    const closed = await step('case-manager', { caseManagerId: 'other' }, 409);
    expect(closed.body.code).toBe('CASE.CLOSED');
    const reopened = await step('reopening', { reason: 'พบข้อมูลใหม่จากผู้เสียหาย' });
    const view = await api.http
      .get(`/api/v1/cases/${caseId}?minPosition=${reopened.body.position}`)
      .set(shelter)
      .expect(200);
    expect(view.body).toMatchObject({
      caseId,
      owningAgency: 'SHELTER-SK',
      stage: 'return_reintegration',
      status: 'open',
      identification: 'victim',
      caseManagerId: 'malee.s',
    });
    expect(view.headers.etag).toBe(etag);
    expect(JSON.stringify(view.body)).not.toMatch(/Sophea|N9990001|rj1\./);
    const auditor = await as('auditor', 'auditor1', 'OAG');
    const history = await api.http.get(`/api/v1/cases/${caseId}/history`).set(auditor).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
      'CaseOpened',
      'CaseScreened',
      'VictimIdentificationRecorded',
      'NrmStageAdvanced',
      'CaseManagerAssigned',
      'CaseClosed',
      'CaseReopened',
    ]);
    expect(history.body.events[0]).toMatchObject({
      actor: 'malee.s',
      agency: 'SHELTER-SK',
      role: 'agency_officer',
      data: { personalData: '[sealed]', ageGroup: 'child' },
    });
    expect(history.body.events[6]).toMatchObject({ reason: 'พบข้อมูลใหม่จากผู้เสียหาย' });
    expect(JSON.stringify(history.body)).not.toMatch(/Sophea|N9990001|rj1\./);
    // An agency outside the case is told what an unknown id would tell.
    await api.http.get(`/api/v1/cases/${caseId}/history`).set(police).expect(404);
  });

  it('refuses bad input with problem+json in Thai and English, storing nothing', async () => {
    const bad = await api.http
      .post('/api/v1/cases')
      .set(shelter)
      .set('Accept-Language', 'en')
      .send({ ...openCase, districtCode: 'x', extra: 1 })
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toMatchObject({
      code: 'REQUEST.INVALID',
      messages: { th: expect.any(String), en: expect.any(String) },
    });
    expect(JSON.stringify(bad.body)).not.toContain('Sophea');
    for (const url of [
      '/api/v1/referrals?state=nope',
      '/api/v1/referrals/inbox?agency=not a code',
      '/api/v1/cases?stage=court',
      '/api/v1/cases?name=Sophea',
      '/api/v1/cases/export?format=xlsx',
    ]) {
      const res = await api.http.get(url).set(shelter).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    }
    const viewer = await as('viewer', 'v', 'PSDHS-SK');
    const refused = await api.http.post('/api/v1/cases').set(viewer).send(openCase).expect(403);
    expect(refused.body.code).toBe('AUTH.NOT_PERMITTED');
  });

  it('refers a case only with consent or a legal basis, and the recipient answers it', async () => {
    const { body: c } = await api.http.post('/api/v1/cases').set(shelter).send(openCase).expect(201);
    const refused = await api.http
      .post('/api/v1/referrals')
      .set(shelter)
      .send({
        caseId: c.caseId,
        toAgency: 'HEALTH-SK',
        service: 'medical',
        urgency: 'urgent',
        sharesPersonalData: true,
      })
      .expect(409);
    expect(refused.body.code).toBe('REFERRAL.CONSENT_OR_LEGAL_BASIS_REQUIRED');
    expect(refused.body.messages.th).toContain('ความยินยอม');
    await api.http
      .post(`/api/v1/cases/${c.caseId}/consents`)
      .set(shelter)
      .set('If-Match', '"0"')
      .send({ givenOn: '2019-05-02', scope: 'share_with_agencies' })
      .expect(201);
    const sent = await api.http
      .post('/api/v1/referrals')
      .set(shelter)
      .send({
        caseId: c.caseId,
        toAgency: 'HEALTH-SK',
        service: 'medical',
        urgency: 'urgent',
        sharesPersonalData: true,
      })
      .expect(201);
    const { referralId } = sent.body;
    const inbox = await api.http
      .get(`/api/v1/referrals/inbox?minPosition=${sent.body.position}`)
      .set(health)
      .expect(200);
    expect(inbox.body.referrals.map((r: { referralId: string }) => r.referralId)).toContain(referralId);
    const outbox = await api.http.get('/api/v1/referrals/outbox').set(shelter).expect(200);
    expect(outbox.body.referrals.map((r: { referralId: string }) => r.referralId)).toContain(referralId);
    await api.http.get('/api/v1/referrals/inbox?agency=HEALTH-SK').set(police).expect(403);
    // An agency that is neither sender nor recipient is told what an unknown id would tell.
    const notMine = await api.http
      .post(`/api/v1/referrals/${referralId}/acceptance`)
      .set(police)
      .set('If-Match', '"0"')
      .expect(404);
    expect(notMine.body.code).toBe('REFERRAL.NOT_FOUND');
    await api.http.post(`/api/v1/referrals/${referralId}/acceptance`).set(health).set('If-Match', '"0"').expect(201);
    await api.http.post(`/api/v1/referrals/${referralId}/start`).set(health).set('If-Match', '"1"').expect(201);
    const done = await api.http
      .post(`/api/v1/referrals/${referralId}/completion`)
      .set(health)
      .set('If-Match', '"2"')
      .send({ outcome: 'service_provided' })
      .expect(201);
    const view = await api.http
      .get(`/api/v1/referrals/${referralId}?minPosition=${done.body.position}`)
      .set(shelter)
      .expect(200);
    expect(view.body).toMatchObject({
      status: 'completed',
      outcome: 'service_provided',
      fromAgency: 'SHELTER-SK',
      toAgency: 'HEALTH-SK',
      urgency: 'urgent',
    });
    expect(Date.parse(view.body.dueAt) - Date.parse(view.body.sentAt)).toBe(24 * 3600_000);
    const times = await api.http.get('/api/v1/referrals/time-to-accept').set(coordinator).expect(200);
    expect(times.body.agencies).toEqual([
      { agency: 'HEALTH-SK', accepted: 1, p50Hours: expect.any(Number), p90Hours: expect.any(Number) },
    ]);
    await api.http.get('/api/v1/referrals/time-to-accept').set(health).expect(403);
    // On the dashboard the same single acceptance is below the threshold: withheld.
    const dashboard = await api.http.get('/api/v1/dashboards/referrals').set(health).expect(200);
    // Not even listed: the agency's name beside a withheld count would tell that a case went there.
    expect(dashboard.body.timeToAcceptHours).toEqual([]);
    expect(dashboard.body.byService.rows).toEqual([]);
    expect(JSON.stringify(dashboard.body)).not.toMatch(/HEALTH-SK|medical/);
  });

  it('lets agencies pledge, fulfil in part, revise and withdraw, and shows pledged against fulfilled', async () => {
    const { body: c } = await api.http.post('/api/v1/cases').set(shelter).send(openCase).expect(201);
    const pledge = await api.http
      .post('/api/v1/commitments')
      .set(shelter)
      .send({ targetKind: 'case', caseId: c.caseId, resource: 'shelter_beds', quantity: 4, dueOn: '2019-06-30' })
      .expect(201);
    const unknown = await api.http
      .post('/api/v1/commitments')
      .set(shelter)
      .send({
        targetKind: 'case',
        caseId: '00000000-0000-4000-8000-000000000000',
        resource: 'vehicles',
        quantity: 1,
        dueOn: '2019-06-30',
      })
      .expect(404);
    expect(unknown.body.code).toBe('CASE.NOT_FOUND');
    // An agency with no need-to-know on the case gets the very same answer: the pledge confirms nothing.
    const stranger = await api.http
      .post('/api/v1/commitments')
      .set(police)
      .send({ targetKind: 'case', caseId: c.caseId, resource: 'vehicles', quantity: 1, dueOn: '2019-06-30' })
      .expect(404);
    expect(stranger.body).toMatchObject({
      code: 'CASE.NOT_FOUND',
      messages: { th: expect.any(String), en: expect.any(String) },
    });
    expect(stranger.headers['content-type']).toContain('application/problem+json');
    // Once the case is referred to an agency, that agency may pledge to it.
    await api.http
      .post(`/api/v1/cases/${c.caseId}/consents`)
      .set(shelter)
      .set('If-Match', '"0"')
      .send({ givenOn: '2019-05-02', scope: 'share_with_agencies' })
      .expect(201);
    const referred = await api.http
      .post('/api/v1/referrals')
      .set(shelter)
      .send({
        caseId: c.caseId,
        toAgency: 'POL-SK',
        service: 'legal_aid',
        urgency: 'normal',
        sharesPersonalData: false,
      })
      .expect(201);
    await api.http
      .get(`/api/v1/referrals/${referred.body.referralId}?minPosition=${referred.body.position}`)
      .set(police)
      .expect(200);
    await api.http
      .post('/api/v1/commitments')
      .set(police)
      .send({ targetKind: 'case', caseId: c.caseId, resource: 'vehicles', quantity: 1, dueOn: '2019-06-30' })
      .expect(201);
    const id = pledge.body.commitmentId;
    await api.http
      .post(`/api/v1/commitments/${id}/fulfilments`)
      .set(shelter)
      .set('If-Match', '"0"')
      .send({ quantity: 1, fulfilledOn: '2019-05-10' })
      .expect(201);
    const over = await api.http
      .post(`/api/v1/commitments/${id}/fulfilments`)
      .set(shelter)
      .set('If-Match', '"1"')
      .send({ quantity: 9, fulfilledOn: '2019-05-10' })
      .expect(400);
    expect(over.body.code).toBe('COMMITMENT.QUANTITY_INVALID');
    // A pledge to a case is not confirmed to another agency.
    const notOurs = await api.http
      .post(`/api/v1/commitments/${id}/withdrawal`)
      .set(police)
      .set('If-Match', '"1"')
      .send({ reason: 'ไม่ใช่ของเรา' })
      .expect(404);
    expect(notOurs.body.code).toBe('COMMITMENT.NOT_FOUND');
    const revised = await api.http
      .post(`/api/v1/commitments/${id}/revisions`)
      .set(shelter)
      .set('If-Match', '"1"')
      .send({ quantity: 2, dueOn: '2019-07-31', reason: 'ลดจำนวนเตียง' })
      .expect(201);
    const dash = await api.http
      .get(`/api/v1/dashboards/commitments?minPosition=${revised.body.position}`)
      .set(shelter)
      .expect(200);
    // Pledges to a single case are as telling as a count of one: below DASHBOARD_MIN_COUNT cases, not shown at all.
    expect(dash.body.threshold).toBe(5);
    expect(dash.body.cases.rows).toEqual([]);
    expect(dash.body.cases.withheldPledges).toEqual({ count: null, suppressed: true });
    expect(JSON.stringify(dash.body)).not.toMatch(/shelter_beds|SHELTER-SK/);
    const overdue = await api.http
      .get('/api/v1/commitments?overdue=true&agency=SHELTER-SK')
      .set(coordinator)
      .expect(200);
    expect(overdue.body.commitments.map((k: { commitmentId: string }) => k.commitmentId)).toContain(id);
  });

  it('serves the OpenAPI document with the case routes', async () => {
    const doc = await api.http.get('/api/docs-json').expect(200);
    for (const path of [
      '/api/v1/cases',
      '/api/v1/cases/{caseId}/personal-data-reads',
      '/api/v1/referrals/{referralId}/acceptance',
      '/api/v1/referrals/inbox',
      '/api/v1/commitments',
      '/api/v1/dashboards/cases',
      '/api/v1/audit/personal-data-reads',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    for (const schema of [
      'OpenCaseDto',
      'PersonDto',
      'CaseViewDto',
      'CaseWithReferralsDto',
      'ReferralViewDto',
      'CommitmentViewDto',
      'PersonalDataViewDto',
      'AccessLogDto',
      'CaseDashboardDto',
      'ReferralDashboardDto',
      'CaseHistoryDto',
    ]) {
      expect(Object.keys(doc.body.components.schemas)).toContain(schema);
    }
    // Every case-work operation documents a success response with a body shape, and needs a token.
    const ours = Object.entries(
      doc.body.paths as Record<
        string,
        Record<string, { responses: Record<string, { content?: unknown }>; security?: unknown }>
      >,
    ).filter(([path]) => /^\/api\/v1\/(cases|referrals|commitments|dashboards|audit\/personal-data-reads)/.test(path));
    expect(ours.length).toBeGreaterThan(20);
    for (const [path, operations] of ours) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
        expect(success.length > 0 ? `${method} ${path}` : `${method} ${path} has no success response`).toBe(
          `${method} ${path}`,
        );
        expect(operation.security).toBeDefined();
      }
    }
  });
});
