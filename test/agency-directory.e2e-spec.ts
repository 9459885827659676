import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

describe('the agency directory', () => {
  let api: ApiHarness;
  let auth: { Authorization: string };
  beforeAll(async () => {
    api = await startApi();
    auth = { Authorization: `Bearer ${await api.token()}` };
  });
  afterAll(() => api.close());

  it('registers an agency, lists it, renames it with If-Match', async () => {
    const created = await api.http
      .post('/api/v1/agencies')
      .set(auth)
      .send({ code: 'LABOUR-SK', nameTh: 'สำนักงานแรงงานจังหวัดสระแก้ว', agencyType: 'labour' })
      .expect(201);
    expect(created.headers.location).toBe('/api/v1/agencies/LABOUR-SK');
    const list = await api.http.get(`/api/v1/agencies?minPosition=${created.body.position}`).set(auth).expect(200);
    expect(list.body.agencies.map((a: { code: string }) => a.code)).toEqual([
      'IMM-SK',
      'LABOUR-SK',
      'OAG',
      'PROV-SK',
      'PSDHS-SK',
    ]);
    await api.http
      .post('/api/v1/agencies/LABOUR-SK/name-changes')
      .set(auth)
      .send({ nameTh: 'สำนักงานแรงงาน จ.สระแก้ว' })
      .expect(428);
    const renamed = await api.http
      .post('/api/v1/agencies/LABOUR-SK/name-changes')
      .set(auth)
      .set('If-Match', '"0"')
      .send({ nameTh: 'สำนักงานแรงงาน จ.สระแก้ว' })
      .expect(201);
    const one = await api.http
      .get(`/api/v1/agencies/LABOUR-SK?minPosition=${renamed.body.position}`)
      .set(auth)
      .expect(200);
    expect(one.body).toMatchObject({ nameTh: 'สำนักงานแรงงาน จ.สระแก้ว', agencyType: 'labour', active: true });
    expect(one.headers.etag).toBe('"1"');
  });

  it('refuses the same code twice', async () => {
    const res = await api.http
      .post('/api/v1/agencies')
      .set(auth)
      .send({ code: 'IMM-SK', nameTh: 'ซ้ำ', agencyType: 'immigration' })
      .expect(409);
    expect(res.body.code).toBe('AGENCY.ALREADY_REGISTERED');
  });

  it('refuses a project led by an agency that is not registered, or no longer active', async () => {
    const plan = await api.http.post('/api/v1/plans').set(auth).send(samplePlan).expect(201);
    const unknown = await api.http
      .post(`/api/v1/plans/${plan.body.planId}/projects`)
      .set(auth)
      .set('If-Match', '"0"')
      .send({ ...sampleProject, leadAgencyCode: 'NOBODY' })
      .expect(400);
    expect(unknown.body.code).toBe('AGENCY.NOT_REGISTERED');
    const gone = await api.http
      .post('/api/v1/agencies/IMM-SK/deactivation')
      .set(auth)
      .set('If-Match', '"0"')
      .send({ reason: 'รวมกับหน่วยงานอื่น' })
      .expect(201);
    const inactive = await api.http
      .post(`/api/v1/plans/${plan.body.planId}/projects`)
      .set(auth)
      .set('If-Match', '"0"')
      .send({ ...sampleProject, leadAgencyCode: 'IMM-SK' })
      .expect(409);
    expect(inactive.body.code).toBe('AGENCY.INACTIVE');
    const active = await api.http.get(`/api/v1/agencies?minPosition=${gone.body.position}`).set(auth).expect(200);
    expect(active.body.agencies.map((a: { code: string }) => a.code)).not.toContain('IMM-SK');
  });

  it('lets only coordinators keep the directory', async () => {
    const viewer = { Authorization: `Bearer ${await api.token('viewer', 'v1', 'PSDHS-SK')}` };
    const res = await api.http
      .post('/api/v1/agencies')
      .set(viewer)
      .send({ code: 'NGO-X', nameTh: 'มูลนิธิ', agencyType: 'ngo' })
      .expect(403);
    expect(res.body.code).toBe('AUTH.NOT_PERMITTED');
  });

  it('answers an unknown agency with 404', async () => {
    const res = await api.http.get('/api/v1/agencies/NOPE-1').set(auth).expect(404);
    expect(res.body.code).toBe('AGENCY.NOT_FOUND');
  });
});
