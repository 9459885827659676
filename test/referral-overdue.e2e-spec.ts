import { FixedClock } from '@ruamjai/kernel';
import { startApi, type ApiHarness } from './support/api-harness';

describe('overdue referrals on the embedded default (scheduler in the API, beside the projections)', () => {
  let api: ApiHarness;
  const clock = new FixedClock(new Date('2019-05-02T03:00:00.000Z'));
  beforeAll(async () => {
    api = await startApi({ REFERRAL_SCHEDULER_INTERVAL_MS: '50' }, { clock });
  });
  afterAll(() => api.close());

  it('escalates an urgent referral unanswered after 24 hours to the coordinator, once', async () => {
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    await api.http
      .post('/api/v1/agencies')
      .set(coordinator)
      .send({ code: 'SHELTER-SK', nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว', agencyType: 'shelter' })
      .expect(201);
    const { body: c } = await api.http
      .post('/api/v1/cases')
      .set(coordinator)
      .send({
        source: 'hotline_1300',
        districtCode: '2701',
        foundOn: '2019-05-01',
        ageGroup: 'child',
        person: { givenName: 'Kanha (fictional)' },
      })
      .expect(201);
    const sent = await api.http
      .post('/api/v1/referrals')
      .set(coordinator)
      .send({
        caseId: c.caseId,
        toAgency: 'SHELTER-SK',
        service: 'shelter',
        urgency: 'urgent',
        sharesPersonalData: false,
      })
      .expect(201);
    const before = await api.http
      .get(`/api/v1/referrals/escalations?minPosition=${sent.body.position}`)
      .set(coordinator)
      .expect(200);
    expect(before.body.referrals).toEqual([]);

    clock.advance(24 * 3600_000);
    let escalated: Array<{ referralId: string; overdue: boolean; dueAt: string }> = [];
    for (let i = 0; i < 100 && escalated.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      escalated = (await api.http.get('/api/v1/referrals/escalations').set(coordinator).expect(200)).body.referrals;
    }
    expect(escalated).toEqual([
      expect.objectContaining({ referralId: sent.body.referralId, overdue: true, dueAt: '2019-05-03T03:00:00.000Z' }),
    ]);
    const metrics = await api.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/ruamjai_referrals_overdue_total\{[^}]*\} 1/);
    const overdue = await api.http.get('/api/v1/referrals?state=overdue').set(coordinator).expect(200);
    expect(overdue.body.referrals.map((r: { referralId: string }) => r.referralId)).toEqual([sent.body.referralId]);
    // No state: every referral the caller may see. Inbox and outbox take the same filter.
    const shelter = { Authorization: `Bearer ${await api.token('agency_officer', 'malee.s', 'SHELTER-SK')}` };
    const all = await api.http.get('/api/v1/referrals').set(shelter).expect(200);
    expect(all.body.referrals.map((r: { referralId: string }) => r.referralId)).toEqual([sent.body.referralId]);
    const ids = (res: { body: { referrals: Array<{ referralId: string }> } }) =>
      res.body.referrals.map((r) => r.referralId);
    expect(ids(await api.http.get('/api/v1/referrals/inbox?state=overdue').set(shelter).expect(200))).toEqual([
      sent.body.referralId,
    ]);
    expect(ids(await api.http.get('/api/v1/referrals/inbox?state=open').set(shelter).expect(200))).toEqual([
      sent.body.referralId,
    ]);
    expect(
      ids(await api.http.get('/api/v1/referrals/outbox?state=overdue&agency=PSDHS-SK').set(coordinator).expect(200)),
    ).toEqual([sent.body.referralId]);
    const strangers = { Authorization: `Bearer ${await api.token('agency_officer', 'pol.b', 'POL-SK')}` };
    expect(ids(await api.http.get('/api/v1/referrals').set(strangers).expect(200))).toEqual([]);
    const bad = await api.http.get('/api/v1/referrals/inbox?state=nope').set(shelter).expect(400);
    expect(bad.body.code).toBe('REQUEST.INVALID');
    // More sweeps come and go; the referral's stream still holds one ReferralOverdue (revision 2 = sent, overdue, escalated).
    await new Promise((r) => setTimeout(r, 300));
    const view = await api.http.get(`/api/v1/referrals/${sent.body.referralId}`).set(coordinator).expect(200);
    expect(view.headers.etag).toBe('"2"');
    // Answered late, it leaves the escalation list.
    const accepted = await api.http
      .post(`/api/v1/referrals/${sent.body.referralId}/acceptance`)
      .set({ Authorization: `Bearer ${await api.token('agency_officer', 'malee.s', 'SHELTER-SK')}` })
      .set('If-Match', '"2"')
      .expect(201);
    const after = await api.http
      .get(`/api/v1/referrals/escalations?minPosition=${accepted.body.position}`)
      .set(coordinator)
      .expect(200);
    expect(after.body.referrals).toEqual([]);
    expect(ids(await api.http.get('/api/v1/referrals/inbox?state=overdue').set(shelter).expect(200))).toEqual([]);
    expect(ids(await api.http.get('/api/v1/referrals/inbox').set(shelter).expect(200))).toEqual([sent.body.referralId]);
  });

  it('lists screened cases still awaiting the multidisciplinary team after 15 days', async () => {
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    const { body: c } = await api.http
      .post('/api/v1/cases')
      .set(coordinator)
      .send({
        source: 'police',
        districtCode: '2706',
        foundOn: '2019-05-01',
        ageGroup: 'adult',
        person: { givenName: 'Mdt Fictional' },
      })
      .expect(201);
    const screened = await api.http
      .post(`/api/v1/cases/${c.caseId}/screening`)
      .set(coordinator)
      .set('If-Match', '"0"')
      .send({ indicators: ['forced_labour'], formReference: 'ร.บ.1/2562-200' })
      .expect(201);
    const view = await api.http
      .get(`/api/v1/cases/${c.caseId}?minPosition=${screened.body.position}`)
      .set(coordinator)
      .expect(200);
    expect(Date.parse(view.body.identificationDueAt) - Date.parse(view.body.screenedAt)).toBe(15 * 86_400_000);
    expect(
      (await api.http.get('/api/v1/cases/identification-overdue').set(coordinator).expect(200)).body.cases,
    ).toEqual([]);
    clock.advance(15 * 86_400_000);
    const overdue = await api.http.get('/api/v1/cases/identification-overdue').set(coordinator).expect(200);
    expect(overdue.body.cases.map((x: { caseId: string }) => x.caseId)).toEqual([c.caseId]);
    const identified = await api.http
      .post(`/api/v1/cases/${c.caseId}/identification`)
      .set(coordinator)
      .set('If-Match', '"1"')
      .send({ outcome: 'victim', decidedOn: '2019-05-20', decidingAgency: 'PSDHS-SK' })
      .expect(201);
    const after = await api.http
      .get(`/api/v1/cases/identification-overdue?minPosition=${identified.body.position}`)
      .set(coordinator)
      .expect(200);
    expect(after.body.cases).toEqual([]);
  });
});
