import type { Role } from '@ruamjai/kernel';
import { startApi, type ApiHarness } from './support/api-harness';

const person = { givenName: 'Dara (fictional)', identityDocuments: [{ kind: 'passport', number: 'N9990002' }] };

type Who = { role: Role; agency: string; sub: string };
const WHO: Record<string, Who> = {
  coordinator: { role: 'coordinator', agency: 'PSDHS-SK', sub: 'somchai' },
  chair: { role: 'chair', agency: 'PROV-SK', sub: 'governor' },
  auditor: { role: 'auditor', agency: 'OAG', sub: 'auditor1' },
  viewer: { role: 'viewer', agency: 'PSDHS-SK', sub: 'viewer1' },
  'owner officer': { role: 'agency_officer', agency: 'SHELTER-SK', sub: 'malee.s' },
  'sharing recipient': { role: 'agency_officer', agency: 'HEALTH-SK', sub: 'nurse.a' },
  'non-sharing recipient': { role: 'agency_officer', agency: 'POL-SK', sub: 'pol.b' },
  'unrelated officer': { role: 'agency_officer', agency: 'LABOUR-SK', sub: 'lab.c' },
};

/**
 * Expected HTTP status per caller and resource, for a SHELTER-SK case with referrals to HEALTH-SK
 * (sharing) and POL-SK (not sharing). Roles that see no case at all get 403 whatever the id; an
 * officer outside the case gets 404, as for an unknown id, so nothing confirms the case exists.
 */
const MATRIX: Record<
  string,
  { case: number; personalData: number; healthReferral: number; caseList: number; dashboard: number; accessLog: number }
> = {
  coordinator: { case: 200, personalData: 200, healthReferral: 200, caseList: 200, dashboard: 200, accessLog: 403 },
  chair: { case: 403, personalData: 403, healthReferral: 403, caseList: 403, dashboard: 200, accessLog: 403 },
  auditor: { case: 200, personalData: 403, healthReferral: 200, caseList: 200, dashboard: 200, accessLog: 200 },
  viewer: { case: 403, personalData: 403, healthReferral: 403, caseList: 403, dashboard: 200, accessLog: 403 },
  'owner officer': { case: 200, personalData: 200, healthReferral: 200, caseList: 200, dashboard: 200, accessLog: 403 },
  'sharing recipient': {
    case: 200,
    personalData: 200,
    healthReferral: 200,
    caseList: 200,
    dashboard: 200,
    accessLog: 403,
  },
  'non-sharing recipient': {
    case: 200,
    personalData: 403,
    healthReferral: 404,
    caseList: 200,
    dashboard: 200,
    accessLog: 403,
  },
  'unrelated officer': {
    case: 404,
    personalData: 404,
    healthReferral: 404,
    caseList: 200,
    dashboard: 200,
    accessLog: 403,
  },
};

describe('who sees what of a case (role × agency × resource)', () => {
  let api: ApiHarness;
  const auth = async (who: Who) => ({ Authorization: `Bearer ${await api.token(who.role, who.sub, who.agency)}` });
  let caseId: string;
  let healthReferral: string;
  let position: string;

  beforeAll(async () => {
    api = await startApi();
    const coordinator = await auth(WHO.coordinator);
    for (const [code, agencyType] of [
      ['SHELTER-SK', 'shelter'],
      ['HEALTH-SK', 'health'],
      ['POL-SK', 'police'],
      ['LABOUR-SK', 'labour'],
    ]) {
      await api.http
        .post('/api/v1/agencies')
        .set(coordinator)
        .send({ code, nameTh: `หน่วยงาน ${code}`, agencyType })
        .expect(201);
    }
    const owner = await auth(WHO['owner officer']);
    caseId = (
      await api.http
        .post('/api/v1/cases')
        .set(owner)
        .send({ source: 'police', districtCode: '2703', foundOn: '2019-05-03', ageGroup: 'adult', person })
        .expect(201)
    ).body.caseId;
    await api.http
      .post(`/api/v1/cases/${caseId}/legal-basis`)
      .set(owner)
      .set('If-Match', '"0"')
      .send({ basis: 'vital_interest', reference: 'PDPA s.26(1)' })
      .expect(201);
    healthReferral = (
      await api.http
        .post('/api/v1/referrals')
        .set(owner)
        .send({ caseId, toAgency: 'HEALTH-SK', service: 'medical', urgency: 'normal', sharesPersonalData: true })
        .expect(201)
    ).body.referralId;
    await api.http
      .post(`/api/v1/referrals/${healthReferral}/acceptance`)
      .set(await auth(WHO['sharing recipient']))
      .set('If-Match', '"0"')
      .expect(201);
    position = (
      await api.http
        .post('/api/v1/referrals')
        .set(owner)
        .send({ caseId, toAgency: 'POL-SK', service: 'legal_aid', urgency: 'normal', sharesPersonalData: false })
        .expect(201)
    ).body.position;
  });
  afterAll(() => api.close());

  const statusOf = async (who: Who, resource: keyof (typeof MATRIX)[string]): Promise<number> => {
    const headers = await auth(who);
    switch (resource) {
      case 'case':
        return (await api.http.get(`/api/v1/cases/${caseId}?minPosition=${position}`).set(headers)).status;
      case 'personalData':
        return (
          await api.http
            .post(`/api/v1/cases/${caseId}/personal-data-reads`)
            .set(headers)
            .send({ purpose: 'ทดสอบสิทธิ์การเข้าถึง' })
        ).status;
      case 'healthReferral':
        return (await api.http.get(`/api/v1/referrals/${healthReferral}`).set(headers)).status;
      case 'caseList':
        return (await api.http.get('/api/v1/cases').set(headers)).status;
      case 'dashboard':
        return (await api.http.get('/api/v1/dashboards/cases').set(headers)).status;
      case 'accessLog':
        return (await api.http.get('/api/v1/audit/personal-data-reads').set(headers)).status;
    }
  };

  it.each(Object.keys(MATRIX).flatMap((who) => Object.keys(MATRIX[who]).map((resource) => [who, resource] as const)))(
    '%s → %s',
    async (who, resource) => {
      expect(await statusOf(WHO[who], resource as keyof (typeof MATRIX)[string])).toBe(
        MATRIX[who][resource as keyof (typeof MATRIX)[string]],
      );
    },
  );

  it('an auditor sees personal data after recording a reasoned grant, and the grant and read are on the log', async () => {
    const auditor = await auth(WHO.auditor);
    const missing = await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-access-grants`)
      .set(auditor)
      .send({})
      .expect(400);
    expect(missing.body.code).toBe('REQUEST.INVALID');
    await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-access-grants`)
      .set(await auth(WHO.coordinator))
      .send({ reason: 'ไม่ใช่ผู้ตรวจสอบ' })
      .expect(403);
    await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-access-grants`)
      .set(auditor)
      .send({ reason: 'ตรวจสอบข้อร้องเรียนเลขที่ 12/2562' })
      .expect(201);
    const read = await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-reads`)
      .set(auditor)
      .send({ purpose: 'ตรวจสอบข้อร้องเรียน' })
      .expect(200);
    expect(read.body).toMatchObject({ ground: 'audit_grant', person: { givenName: 'Dara (fictional)' } });
    expect(read.headers['cache-control']).toBe('no-store');
    const log = await api.http
      .get(`/api/v1/audit/personal-data-reads?caseId=${caseId}&minPosition=0`)
      .set(auditor)
      .expect(200);
    // Eventually consistent: wait for the projection to hold the auditor's own read.
    let reads = log.body.reads;
    for (
      let i = 0;
      i < 50 && !reads.some((r: { actorId: string; kind: string }) => r.actorId === 'auditor1' && r.kind === 'read');
      i++
    ) {
      await new Promise((r) => setTimeout(r, 50));
      reads = (await api.http.get(`/api/v1/audit/personal-data-reads?caseId=${caseId}`).set(auditor)).body.reads;
    }
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'grant', actorId: 'auditor1', purpose: 'ตรวจสอบข้อร้องเรียนเลขที่ 12/2562' }),
        expect.objectContaining({
          kind: 'read',
          actorId: 'auditor1',
          ground: 'audit_grant',
          purpose: 'ตรวจสอบข้อร้องเรียน',
        }),
        expect.objectContaining({ kind: 'read', actorId: 'nurse.a', agency: 'HEALTH-SK', ground: 'active_referral' }),
        expect.objectContaining({ kind: 'read', actorId: 'somchai', ground: 'coordinator' }),
      ]),
    );
    expect(reads.filter((r: { kind: string; actorId: string }) => r.kind === 'read' && r.actorId === 'pol.b')).toEqual(
      [],
    );
  });

  it("consent withdrawn, with no legal basis left, ends a recipient's access to the person", async () => {
    const owner = await auth(WHO['owner officer']);
    const { body: c } = await api.http
      .post('/api/v1/cases')
      .set(owner)
      .send({ source: 'ngo', districtCode: '2701', foundOn: '2019-05-03', ageGroup: 'adult', person })
      .expect(201);
    await api.http
      .post(`/api/v1/cases/${c.caseId}/consents`)
      .set(owner)
      .set('If-Match', '"0"')
      .send({ givenOn: '2019-05-03', scope: 'share_with_agencies' })
      .expect(201);
    const sent = await api.http
      .post('/api/v1/referrals')
      .set(owner)
      .send({
        caseId: c.caseId,
        toAgency: 'HEALTH-SK',
        service: 'psychosocial',
        urgency: 'normal',
        sharesPersonalData: true,
      })
      .expect(201);
    const health = await auth(WHO['sharing recipient']);
    await api.http
      .post(`/api/v1/cases/${c.caseId}/personal-data-reads?minPosition=${sent.body.position}`)
      .set(health)
      .send({ purpose: 'นัดให้คำปรึกษา' })
      .expect(200);
    await api.http
      .post(`/api/v1/cases/${c.caseId}/consent-withdrawal`)
      .set(owner)
      .set('If-Match', '"1"')
      .send({ withdrawnOn: '2019-05-04' })
      .expect(201);
    const denied = await api.http
      .post(`/api/v1/cases/${c.caseId}/personal-data-reads`)
      .set(health)
      .send({ purpose: 'หลังถอนความยินยอม' })
      .expect(403);
    expect(denied.body.code).toBe('PERSONAL_DATA.NOT_PERMITTED');
    await api.http
      .post(`/api/v1/cases/${c.caseId}/personal-data-reads`)
      .set(owner)
      .send({ purpose: 'เจ้าของกรณี' })
      .expect(200);
    // A new sharing referral is refused outright.
    const refused = await api.http
      .post('/api/v1/referrals')
      .set(owner)
      .send({ caseId: c.caseId, toAgency: 'POL-SK', service: 'legal_aid', urgency: 'normal', sharesPersonalData: true })
      .expect(409);
    expect(refused.body.code).toBe('REFERRAL.CONSENT_OR_LEGAL_BASIS_REQUIRED');
  });

  it('an agency whose referral was revoked loses access to the case and the person at once', async () => {
    const health = await auth(WHO['sharing recipient']);
    await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-reads`)
      .set(health)
      .send({ purpose: 'ก่อนเพิกถอน' })
      .expect(200);
    const revoked = await api.http
      .post(`/api/v1/referrals/${healthReferral}/revocation`)
      .set(await auth(WHO['owner officer']))
      .set('If-Match', '"1"')
      .send({ reason: 'ส่งต่อผิดหน่วยงาน' })
      .expect(201);
    // No wait for projections: need-to-know is judged on the referral's stream.
    const denied = await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-reads`)
      .set(health)
      .send({ purpose: 'หลังเพิกถอน' })
      .expect(404);
    expect(denied.body.code).toBe('CASE.NOT_FOUND');
    await api.http.get(`/api/v1/cases/${caseId}?minPosition=${revoked.body.position}`).set(health).expect(404);
    const list = await api.http.get('/api/v1/cases').set(health).expect(200);
    expect(list.body.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
  });
});
