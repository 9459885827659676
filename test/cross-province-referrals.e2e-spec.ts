import { collect, CommandRunner, EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import type { Actor, Decider, Role } from '@ruamjai/kernel';
import { agencyDecider, agencyStreamId } from '@ruamjai/planning';
import { randomUUID } from 'node:crypto';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

const CHON_BURI = 'TH-20';
const SA_KAEO = 'TH-27';
const KORAT = 'TH-30';

const person = { givenName: 'Dara (fictional)', identityDocuments: [{ kind: 'passport', number: 'N1230077' }] };

/** What a deployment before provinces wrote: an agency registered with no province in its event. */
const legacy = (event: { type: string; data: object }): Decider<{ type: string; at: Date }, null, never> => ({
  initialState: null,
  decide: () => [event as never],
  evolve: (state) => state,
});

/**
 * A case opened in Chon Buri, referred to a shelter in Sa Kaeo where the person was found: each side
 * sees what it needs, a third province nothing, and notices reach only the provinces concerned.
 */
describe('cross-province referrals: need-to-know on both sides', () => {
  let api: ApiHarness;
  const as = async (role: Role, sub: string, agency: string, province: string) => ({
    Authorization: `Bearer ${await api.token(role, sub, agency, province)}`,
  });
  let chonBuri: { coordinator: Record<string, string>; officer: Record<string, string> };
  let saKaeo: {
    coordinator: Record<string, string>;
    shelter: Record<string, string>;
    police: Record<string, string>;
    chair: Record<string, string>;
  };
  let korat: { coordinator: Record<string, string>; officer: Record<string, string> };
  let caseId: string;
  let referralId: string;
  let position: string;

  const until = async <T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> => {
    const end = Date.now() + ms;
    let value = await probe();
    while (!done(value) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      value = await probe();
    }
    return value;
  };
  const bell = async (headers: Record<string, string>) =>
    (
      (await api.http.get('/api/v1/me/notifications').set(headers).expect(200)).body.items as Array<{
        kind: string;
        link: string;
      }>
    ).map((n) => `${n.kind} ${n.link}`);
  /** The body of a 404, without what differs between any two answers (the correlation id) and with the id masked. */
  const notFoundBody = (res: { body: Record<string, unknown> }, id: string) => {
    const { correlationId: _, ...rest } = res.body;
    return JSON.stringify(rest).replaceAll(id, 'ID');
  };

  beforeAll(async () => {
    api = await startApi({ NOTIFY_POLL_MS: '20' });
    chonBuri = {
      coordinator: await as('coordinator', 'anan.cb', 'PSDHS-CB', CHON_BURI),
      officer: await as('agency_officer', 'ploy.cb', 'PSDHS-CB', CHON_BURI),
    };
    saKaeo = {
      coordinator: await as('coordinator', 'somchai.sk', 'PSDHS-SK', SA_KAEO),
      shelter: await as('agency_officer', 'nok.sk', 'SHELTER-SK', SA_KAEO),
      police: await as('agency_officer', 'dam.sk', 'IMM-SK', SA_KAEO),
      chair: await as('chair', 'governor.sk', 'PROV-SK', SA_KAEO),
    };
    korat = {
      coordinator: await as('coordinator', 'wichai.nm', 'PSDHS-NM', KORAT),
      officer: await as('agency_officer', 'suda.nm', 'SHELTER-NM', KORAT),
    };
    const register = (headers: Record<string, string>, code: string, agencyType: string, districtCode: string) =>
      api.http
        .post('/api/v1/agencies')
        .set(headers)
        .send({ code, nameTh: `หน่วยงาน ${code}`, agencyType, districtCode })
        .expect(201);
    // A new centre's own office comes first, by its coordinator through the directory's decider (the
    // API admits only registered agencies, and only an empty log lets a coordinator in without one).
    const store = api.app.get<EventStore>(EVENT_STORE);
    for (const [code, province, districtCode] of [
      ['PSDHS-CB', CHON_BURI, '2001'],
      ['PSDHS-NM', KORAT, '3001'],
    ]) {
      const actor: Actor = { id: `${code}.coordinator`, agency: code, role: 'coordinator', province };
      await new CommandRunner(store).run(
        agencyDecider,
        agencyStreamId(code),
        {
          type: 'RegisterAgency',
          data: { code, nameTh: `สำนักงาน ${code}`, agencyType: 'social_development', districtCode },
          actor,
          at: new Date(),
          deploymentProvince: SA_KAEO,
        },
        { actor, correlationId: `bootstrap-${code}`, causationId: `bootstrap-${code}` },
      );
    }
    await register(chonBuri.coordinator, 'PROV-CB', 'provincial_administration', '2001');
    await register(saKaeo.coordinator, 'SHELTER-SK', 'shelter', '2706');
    await register(korat.coordinator, 'SHELTER-NM', 'shelter', '3001');
    // The people whose bells are looked at, each added by their own province's secretariat.
    const user = (headers: Record<string, string>, username: string, role: Role, agency: string) =>
      api.http
        .post('/api/v1/users')
        .set(headers)
        .send({ username, displayName: `ผู้ใช้ ${username}`, role, agency })
        .expect(201);
    await user(chonBuri.coordinator, 'anan.cb', 'coordinator', 'PSDHS-CB');
    await user(chonBuri.coordinator, 'governor.cb', 'chair', 'PROV-CB');
    await user(saKaeo.coordinator, 'somchai.sk', 'coordinator', 'PSDHS-SK');
    await user(saKaeo.coordinator, 'nok.sk', 'agency_officer', 'SHELTER-SK');
    await user(saKaeo.coordinator, 'governor.sk', 'chair', 'PROV-SK');
    await user(korat.coordinator, 'wichai.nm', 'coordinator', 'PSDHS-NM');
    await user(korat.coordinator, 'suda.nm', 'agency_officer', 'SHELTER-NM');

    const opened = await api.http
      .post('/api/v1/cases')
      .set(chonBuri.officer)
      .send({ source: 'police', districtCode: '2001', foundOn: '2019-05-03', ageGroup: 'adult', person })
      .expect(201);
    caseId = opened.body.caseId;
    // Nothing shared: the person's data stays in Chon Buri.
    const sent = await api.http
      .post('/api/v1/referrals')
      .set(chonBuri.officer)
      .send({ caseId, toAgency: 'SHELTER-SK', service: 'shelter', urgency: 'urgent', sharesPersonalData: false })
      .expect(201);
    referralId = sent.body.referralId;
    position = String(sent.body.position);
  }, 120_000);

  afterAll(() => api.close());

  it("registers an agency in its coordinator's province, and shows it in the directory", async () => {
    const cb = await api.http.get(`/api/v1/agencies/PSDHS-CB?minPosition=${position}`).set(saKaeo.coordinator);
    expect([cb.status, cb.body.province]).toEqual([200, CHON_BURI]);
    const listed = await api.http.get('/api/v1/agencies').set(saKaeo.coordinator).expect(200);
    const provinces = Object.fromEntries(
      (listed.body.agencies as Array<{ code: string; province: string }>).map((a) => [a.code, a.province]),
    );
    expect(provinces).toMatchObject({ 'PSDHS-CB': CHON_BURI, 'SHELTER-SK': SA_KAEO, 'SHELTER-NM': KORAT });
  });

  it('refuses an agency whose district lies in another province (AGENCY.DISTRICT_OUTSIDE_PROVINCE)', async () => {
    const res = await api.http
      .post('/api/v1/agencies')
      .set(saKaeo.coordinator)
      .send({ code: 'LABOUR-X', nameTh: 'สำนักงานแรงงาน', agencyType: 'labour', districtCode: '2001' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('AGENCY.DISTRICT_OUTSIDE_PROVINCE');
    expect(res.body.messages.th).toContain('สระแก้ว');
    expect(res.body.messages.en).toContain('Sa Kaeo');
  });

  it("reads an agency registered before provinces as the deployment's", async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const registered = {
      type: 'AgencyRegistered',
      data: { code: 'NGO-OLD', nameTh: 'มูลนิธิเก่า', nameEn: null, agencyType: 'ngo', districtCode: '2706' },
    };
    const actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const, province: SA_KAEO };
    const written = await new CommandRunner(store).run(
      legacy(registered),
      'agency-NGO-OLD',
      { type: 'RegisterAgency', at: new Date() },
      { actor, correlationId: 'legacy', causationId: 'legacy' },
    );
    const [recorded] = await collect(store.readStream('agency-NGO-OLD'));
    expect(recorded.data).not.toHaveProperty('province');
    const read = await api.http
      .get(`/api/v1/agencies/NGO-OLD?minPosition=${written.position}`)
      .set(saKaeo.coordinator)
      .expect(200);
    expect(read.body.province).toBe(SA_KAEO);
  });

  it("records the case's province and the recipient's, and the recipient's officer reads and accepts it", async () => {
    const seen = await api.http
      .get(`/api/v1/referrals/${referralId}?minPosition=${position}`)
      .set(saKaeo.shelter)
      .expect(200);
    expect(seen.body).toMatchObject({ province: CHON_BURI, toProvince: SA_KAEO, direction: 'incoming' });
    const inbox = await api.http.get('/api/v1/referrals/inbox').set(saKaeo.shelter).expect(200);
    expect(inbox.body.referrals.map((r: { referralId: string }) => r.referralId)).toEqual([referralId]);
    const accepted = await api.http
      .post(`/api/v1/referrals/${referralId}/acceptance`)
      .set(saKaeo.shelter)
      .set('If-Match', '"0"')
      .expect(201);
    const after = await api.http
      .get(`/api/v1/referrals/${referralId}?minPosition=${accepted.body.position}`)
      .set(chonBuri.officer)
      .expect(200);
    expect([after.body.status, after.body.direction]).toEqual(['accepted', 'outgoing']);
  });

  it('shows the recipient the case as a local recipient sees it, but not the person when nothing is shared', async () => {
    await api.http.get(`/api/v1/cases/${caseId}?minPosition=${position}`).set(saKaeo.shelter).expect(200);
    const read = await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-reads`)
      .set(saKaeo.shelter)
      .send({ purpose: 'จัดที่พัก' });
    expect([read.status, read.body.code]).toEqual([403, 'PERSONAL_DATA.NOT_PERMITTED']);
    expect(JSON.stringify(read.body)).not.toContain('Dara');
  });

  it("lists it to the destination's coordinator, who still gets 404 on the case, as for an unknown id", async () => {
    const listed = await api.http.get(`/api/v1/referrals?minPosition=${position}`).set(saKaeo.coordinator).expect(200);
    const mine = (listed.body.referrals as Array<{ referralId: string; direction: string }>).find(
      (r) => r.referralId === referralId,
    );
    expect(mine?.direction).toBe('incoming');
    await api.http.get(`/api/v1/referrals/${referralId}`).set(saKaeo.coordinator).expect(200);
    const unknown = randomUUID();
    const hidden = await api.http.get(`/api/v1/cases/${caseId}`).set(saKaeo.coordinator).expect(404);
    const missing = await api.http.get(`/api/v1/cases/${unknown}`).set(saKaeo.coordinator).expect(404);
    expect(notFoundBody(hidden, caseId)).toBe(notFoundBody(missing, unknown));
    const data = await api.http
      .post(`/api/v1/cases/${caseId}/personal-data-reads`)
      .set(saKaeo.coordinator)
      .send({ purpose: 'ตรวจสอบ' });
    expect([data.status, data.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
    // Oversight is not the sender's decision: the destination does not withdraw it.
    const revoke = await api.http
      .post(`/api/v1/referrals/${referralId}/revocation`)
      .set(saKaeo.coordinator)
      .set('If-Match', '"1"')
      .send({ reason: 'ไม่ใช่ของเรา' });
    expect([revoke.status, revoke.body.code]).toEqual([403, 'REFERRAL.NOT_PARTY']);
  });

  it('filters a list by province, the origin or the destination, and keeps the origin its case', async () => {
    const ids = async (headers: Record<string, string>, query = '') =>
      (
        (await api.http.get(`/api/v1/referrals${query}`).set(headers).expect(200)).body.referrals as Array<{
          referralId: string;
        }>
      ).map((r) => r.referralId);
    expect(await ids(chonBuri.coordinator)).toContain(referralId);
    expect(await ids(chonBuri.coordinator, `?province=${SA_KAEO}`)).toContain(referralId);
    expect(await ids(chonBuri.coordinator, `?province=${KORAT}`)).toEqual([]);
    const national = await as('national_auditor', 'auditor.bkk', 'OAG', 'TH-10');
    expect(await ids(national, `?province=${CHON_BURI}`)).toContain(referralId);
    expect(await ids(national, `?province=${SA_KAEO}`)).toContain(referralId);
    expect(await ids(national, `?province=${KORAT}`)).toEqual([]);
    await api.http.get(`/api/v1/cases/${caseId}`).set(chonBuri.coordinator).expect(200);
  });

  it('is unknown to a third province: the same 404 as an unknown id, for reads, lists and commands', async () => {
    const unknown = randomUUID();
    for (const headers of [korat.coordinator, korat.officer]) {
      const hidden = await api.http.get(`/api/v1/referrals/${referralId}`).set(headers).expect(404);
      const missing = await api.http.get(`/api/v1/referrals/${unknown}`).set(headers).expect(404);
      expect(hidden.body.code).toBe('REFERRAL.NOT_FOUND');
      expect(notFoundBody(hidden, referralId)).toBe(notFoundBody(missing, unknown));
      const listed = await api.http.get('/api/v1/referrals').set(headers).expect(200);
      expect(listed.body.referrals).toEqual([]);
    }
    const command = (id: string) =>
      api.http
        .post(`/api/v1/referrals/${id}/revocation`)
        .set(korat.coordinator)
        .set('If-Match', '"1"')
        .send({ reason: 'ส่งผิดหน่วยงาน' });
    const hidden = await command(referralId);
    const missing = await command(unknown);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'REFERRAL.NOT_FOUND']);
    expect([missing.status, missing.body.code]).toEqual([404, 'REFERRAL.NOT_FOUND']);
  });

  it("brings the referral to the recipient's bell only, and a plan's notice to its own province's chair only", async () => {
    const link = `referral_received /referrals/${referralId}`;
    const nok = await as('agency_officer', 'nok.sk', 'SHELTER-SK', SA_KAEO);
    expect(
      await until(
        () => bell(nok),
        (items) => items.includes(link),
      ),
    ).toContain(link);

    const planId = (await api.http.post('/api/v1/plans').set(saKaeo.coordinator).send(samplePlan).expect(201)).body
      .planId as string;
    await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(saKaeo.coordinator)
      .set('If-Match', '"0"')
      .send(sampleProject)
      .expect(201);
    await api.http
      .post(`/api/v1/plans/${planId}/submission`)
      .set(saKaeo.coordinator)
      .set('If-Match', '"1"')
      .expect(201);
    const submitted = `plan_submitted /plans/${planId}`;
    const governor = await as('chair', 'governor.sk', 'PROV-SK', SA_KAEO);
    expect(
      await until(
        () => bell(governor),
        (items) => items.includes(submitted),
      ),
    ).toContain(submitted);

    // By now the notifier has planned both events: what has not reached the other provinces will not.
    const chonBuriChair = await bell(await as('chair', 'governor.cb', 'PROV-CB', CHON_BURI));
    expect(chonBuriChair).not.toContain(submitted);
    for (const headers of [
      await as('coordinator', 'wichai.nm', 'PSDHS-NM', KORAT),
      await as('agency_officer', 'suda.nm', 'SHELTER-NM', KORAT),
      await as('coordinator', 'anan.cb', 'PSDHS-CB', CHON_BURI),
    ])
      expect(await bell(headers)).toEqual([]);
  });

  it("lets the recipient pledge to the case and finish the referral; the case's side sees the pledge, a third province does not", async () => {
    const pledged = await api.http
      .post('/api/v1/commitments')
      .set(saKaeo.shelter)
      .send({ targetKind: 'case', caseId, resource: 'shelter_beds', quantity: 1, dueOn: '2019-06-30' })
      .expect(201);
    const commitmentId = pledged.body.commitmentId as string;
    await api.http.post(`/api/v1/referrals/${referralId}/start`).set(saKaeo.shelter).set('If-Match', '"1"').expect(201);
    const done = await api.http
      .post(`/api/v1/referrals/${referralId}/completion`)
      .set(saKaeo.shelter)
      .set('If-Match', '"2"')
      .send({ outcome: 'service_provided' })
      .expect(201);
    const at = `minPosition=${done.body.position}`;
    await api.http.get(`/api/v1/commitments/${commitmentId}?${at}`).set(chonBuri.coordinator).expect(200);
    await api.http.get(`/api/v1/commitments/${commitmentId}?${at}`).set(saKaeo.shelter).expect(200);
    const hidden = await api.http.get(`/api/v1/commitments/${commitmentId}?${at}`).set(korat.coordinator);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'COMMITMENT.NOT_FOUND']);
    // The referral over, the recipient's need-to-know on the case ends, as for a local one.
    await api.http.get(`/api/v1/cases/${caseId}?${at}`).set(saKaeo.shelter).expect(404);
  });

  it('marks an unanswered cross-province referral overdue, escalates it to the coordinators of both provinces, and no third', async () => {
    const sent = await api.http
      .post('/api/v1/referrals')
      .set(chonBuri.officer)
      .send({
        caseId,
        toAgency: 'SHELTER-SK',
        service: 'interpretation',
        urgency: 'urgent',
        sharesPersonalData: false,
        dueAt: new Date(Date.now() + 1_500).toISOString(),
      })
      .expect(201);
    const late = sent.body.referralId as string;
    const escalated = async (headers: Record<string, string>) =>
      (
        (await api.http.get('/api/v1/referrals/escalations').set(headers).expect(200)).body.referrals as Array<{
          referralId: string;
        }>
      ).map((r) => r.referralId);
    expect(
      await until(
        () => escalated(saKaeo.coordinator),
        (ids) => ids.includes(late),
      ),
    ).toContain(late);
    expect(await escalated(chonBuri.coordinator)).toContain(late);
    expect(await escalated(korat.coordinator)).not.toContain(late);
    const overdue = await api.http.get('/api/v1/referrals?state=overdue').set(saKaeo.coordinator).expect(200);
    expect(overdue.body.referrals).toEqual([
      expect.objectContaining({ referralId: late, overdue: true, direction: 'incoming' }),
    ]);
    const notice = `referral_escalated /referrals/${late}`;
    for (const [username, agency, province] of [
      ['somchai.sk', 'PSDHS-SK', SA_KAEO],
      ['anan.cb', 'PSDHS-CB', CHON_BURI],
    ]) {
      const headers = await as('coordinator', username, agency, province);
      expect(
        await until(
          () => bell(headers),
          (items) => items.includes(notice),
        ),
      ).toContain(notice);
    }
    expect(await bell(await as('coordinator', 'wichai.nm', 'PSDHS-NM', KORAT))).toEqual([]);
    const overdueNotice = `referral_overdue /referrals/${late}`;
    const nok = await as('agency_officer', 'nok.sk', 'SHELTER-SK', SA_KAEO);
    expect(
      await until(
        () => bell(nok),
        (items) => items.includes(overdueNotice),
      ),
    ).toContain(overdueNotice);
  });
});
