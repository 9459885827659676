import { loadConfig } from '@ruamjai/config';
import { issueToken, loadOrCreateSigningKey } from '@ruamjai/security';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../apps/api/src/api-app';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

const person = { givenName: 'Dara (fictional)', identityDocuments: [{ kind: 'passport', number: 'N9990077' }] };

describe("a token's agency", () => {
  let api: ApiHarness;
  const as = async (role: Parameters<ApiHarness['token']>[0], sub: string, agency: string) => ({
    Authorization: `Bearer ${await api.token(role, sub, agency)}`,
  });
  const head = async () => (await api.http.get('/health')).body.headPosition as string;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('must be in the directory for any command: a coordinator of NOPE-XX registers nothing and drafts nothing', async () => {
    const nope = await as('coordinator', 'somchai', 'NOPE-XX');
    const before = await head();
    const registered = await api.http
      .post('/api/v1/agencies')
      .set(nope)
      .send({ code: 'EVIL-XX', nameTh: 'หน่วยงานปลอม', agencyType: 'other' })
      .expect(403);
    expect(registered.body.code).toBe('AUTH.AGENCY_NOT_REGISTERED');
    expect(registered.body.messages.th).toContain('NOPE-XX');
    const own = await api.http
      .post('/api/v1/agencies')
      .set(nope)
      .send({ code: 'NOPE-XX', nameTh: 'หน่วยงานปลอม', agencyType: 'other' })
      .expect(403);
    expect(own.body.code).toBe('AUTH.AGENCY_NOT_REGISTERED');
    await api.http
      .post('/api/v1/plans')
      .set(nope)
      .send({ provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' })
      .expect(403);
    expect(await head()).toBe(before);
  });

  it("must be in the directory to read a person's data, even for a coordinator", async () => {
    const coordinator = await as('coordinator', 'somchai', 'PSDHS-SK');
    const opened = await api.http
      .post('/api/v1/cases')
      .set(coordinator)
      .send({ source: 'police', districtCode: '2703', foundOn: '2019-05-03', ageGroup: 'adult', person })
      .expect(201);
    const nope = await as('coordinator', 'mallory', 'NOPE-XX');
    const res = await api.http
      .post(`/api/v1/cases/${opened.body.caseId}/personal-data-reads`)
      .set(nope)
      .send({ purpose: 'ทดสอบการเข้าถึง' })
      .expect(403);
    expect(res.body.code).toBe('AUTH.AGENCY_NOT_REGISTERED');
    expect(JSON.stringify(res.body)).not.toContain('N9990077');
  });

  it('must still be active: a deactivated agency acts no more', async () => {
    const coordinator = await as('coordinator', 'somchai', 'PSDHS-SK');
    await api.http
      .post('/api/v1/agencies')
      .set(coordinator)
      .send({ code: 'GONE-SK', nameTh: 'หน่วยงานที่ยุบแล้ว', agencyType: 'ngo' })
      .expect(201);
    await api.http
      .post('/api/v1/agencies/GONE-SK/deactivation')
      .set(coordinator)
      .set('If-Match', '"0"')
      .send({ reason: 'ยุบหน่วยงาน' })
      .expect(201);
    const officer = await as('agency_officer', 'gone.1', 'GONE-SK');
    const res = await api.http
      .post('/api/v1/cases')
      .set(officer)
      .send({ source: 'police', districtCode: '2703', foundOn: '2019-05-03', ageGroup: 'adult', person })
      .expect(403);
    expect(res.body.code).toBe('AUTH.AGENCY_INACTIVE');
  });

  it('on a new centre, lets the first coordinator register the first agency, and nothing else', async () => {
    const fresh = await startApi({}, { agencies: false });
    try {
      const first = { Authorization: `Bearer ${await fresh.token('coordinator', 'somchai', 'PSDHS-SK')}` };
      await fresh.http
        .post('/api/v1/plans')
        .set(first)
        .send({ provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' })
        .expect(403);
      await fresh.http
        .post('/api/v1/agencies')
        .set(first)
        .send({ code: 'PSDHS-SK', nameTh: 'พมจ.สระแก้ว', agencyType: 'social_development' })
        .expect(201);
      await fresh.http
        .post('/api/v1/plans')
        .set(first)
        .send({ provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' })
        .expect(201);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('of a viewer reads dashboards only, not the agency directory', async () => {
    const viewer = await as('viewer', 'viewer.1', 'PROV-SK');
    const res = await api.http.get('/api/v1/agencies').set(viewer).expect(403);
    expect(res.body.code).toBe('AUTH.NOT_PERMITTED');
    await api.http.get('/api/v1/agencies/PSDHS-SK').set(viewer).expect(403);
    await api.http.get('/api/v1/dashboards/fiscal-years/2562?provinceCode=TH-27').set(viewer).expect(200);
  });
});

describe('the data folder', () => {
  it('is made owner-only at start, and files left readable by others are closed up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ruamjai-modes-'));
    chmodSync(dataDir, 0o755);
    // Left behind by an earlier run under a looser umask.
    writeFileSync(join(dataDir, 'keys.sqlite'), '', { mode: 0o644 });
    writeFileSync(join(dataDir, 'events.sqlite'), '', { mode: 0o644 });
    chmodSync(join(dataDir, 'keys.sqlite'), 0o644);
    chmodSync(join(dataDir, 'events.sqlite'), 0o644);
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const app = await createApiApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const key = await loadOrCreateSigningKey(dataDir);
      const token = await issueToken(
        key,
        { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' },
        config.jwt.issuer,
        config.jwt.audience,
      );
      await request(app.getHttpServer())
        .post('/api/v1/agencies')
        .set('Authorization', `Bearer ${token}`)
        .send({ code: 'PSDHS-SK', nameTh: 'พมจ.สระแก้ว', agencyType: 'social_development' })
        .expect(201);
      const opened = await request(app.getHttpServer())
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${token}`)
        .send({ source: 'police', districtCode: '2703', foundOn: '2019-05-03', ageGroup: 'adult', person })
        .expect(201);
      expect(opened.body.caseId).toBeDefined();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files).toEqual(
        expect.arrayContaining(['keys.sqlite', 'events.sqlite', 'read-models.sqlite', 'requests.sqlite']),
      );
      for (const file of files)
        expect({ file, mode: (statSync(join(dataDir, file)).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the API documents', () => {
  it('are served while API_DOCS is on, and not at all when it is off (the production default)', async () => {
    const on = await startApi({}, { agencies: false });
    const off = await startApi({ API_DOCS: 'false' }, { agencies: false });
    try {
      await on.http.get('/api/docs-json').expect(200);
      await off.http.get('/api/docs-json').expect(404);
      await off.http.get('/api/docs').expect(404);
    } finally {
      await on.close();
      await off.close();
    }
  }, 120_000);
});

describe('a field that may be left out', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('is refused when sent as null, and nothing is recorded (a null district list once stalled the plan dashboard)', async () => {
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    const planId = (await api.http.post('/api/v1/plans').set(coordinator).send(samplePlan).expect(201)).body
      .planId as string;
    const added = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(coordinator)
      .set('If-Match', '"0"')
      .send(sampleProject)
      .expect(201);
    const projectId = added.body.projectId as string;
    const before = (await api.http.get('/health')).body.headPosition as string;
    for (const changes of [
      { districtCodes: null },
      { titleEn: null },
      { objectives: null, titleTh: 'ชื่อใหม่ของโครงการ' },
      { strategy: null },
    ]) {
      const refused = await api.http
        .post(`/api/v1/plans/${planId}/projects/${projectId}/changes`)
        .set(coordinator)
        .set('If-Match', '"1"')
        .send(changes);
      expect({ changes, status: refused.status, code: refused.body.code }).toEqual({
        changes,
        status: 400,
        code: 'REQUEST.INVALID',
      });
      expect(refused.body.messages.th).toBeTruthy();
    }
    expect((await api.http.get('/health')).body.headPosition).toBe(before);
    // Leaving the field out is still fine, and the views keep up.
    const changed = await api.http
      .post(`/api/v1/plans/${planId}/projects/${projectId}/changes`)
      .set(coordinator)
      .set('If-Match', '"1"')
      .send({ titleEn: 'Border watch' })
      .expect(201);
    await api.http
      .get(`/api/v1/plans/${planId}/dashboard?minPosition=${changed.body.position}`)
      .set(coordinator)
      .expect(200);
  });
});
