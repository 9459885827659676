import { fiscalYearOf, type Role } from '@ruamjai/kernel';
import { parse } from 'csv-parse/sync';
import { startApi, type ApiHarness } from './support/api-harness';
import { freshPostgresDatabase, postgresServerUrl } from './support/postgres';

const SA_KAEO = 'TH-27';
const TRAT = 'TH-23';
const BANGKOK = 'TH-10';

const person = { givenName: 'Dara (fictional)', identityDocuments: [{ kind: 'passport', number: 'N0001234' }] };

const server = postgresServerUrl();
/** The read models the roll-up is read from: the embedded SQLite default, and PostgreSQL where a server is there. */
const READ_MODELS = [['SQLite', false], ...(server ? [['PostgreSQL', true] as const] : [])] as const;

/** The national roll-up over HTTP: a real API, real tokens, cases opened through the API in two provinces. */
describe.each(READ_MODELS)('the national roll-up per fiscal year and province (%s read models)', (_, postgres) => {
  let api: ApiHarness;
  let drop: (() => Promise<void>) | undefined;
  let position = '0';
  // Cases are opened now, so they count in the fiscal year of today (Thai time).
  const fiscalYear = fiscalYearOf(new Date());
  const auth = async (role: Role, province: string, agency: string) => ({
    Authorization: `Bearer ${await api.token(role, `${role}.${province}`, agency, province)}`,
  });
  const rollup = async (headers: Record<string, string>, query = '') =>
    api.http.get(`/api/v1/dashboards/national?fiscalYear=${fiscalYear}&minPosition=${position}${query}`).set(headers);

  beforeAll(async () => {
    const database = postgres ? await freshPostgresDatabase(server!) : undefined;
    drop = database?.drop;
    api = await startApi({ DASHBOARD_MIN_COUNT: '5', ...(database ? { DATABASE_URL: database.url } : {}) });
    const coordinator = await auth('coordinator', SA_KAEO, 'PSDHS-SK');
    for (const [code, agencyType] of [
      ['SHELTER-SK', 'shelter'],
      ['PSDHS-TRT', 'social_development'],
    ])
      await api.http
        .post('/api/v1/agencies')
        .set(coordinator)
        .send({ code, nameTh: `หน่วยงาน ${code}`, agencyType })
        .expect(201);
    const drafted = await api.http
      .post('/api/v1/plans')
      .set(coordinator)
      .send({ provinceCode: SA_KAEO, fiscalYear, titleTh: `แผนปฏิบัติการ จังหวัดสระแก้ว ประจำปี ${fiscalYear}` })
      .expect(201);
    await api.http
      .post(`/api/v1/plans/${drafted.body.planId}/projects`)
      .set(coordinator)
      .set('If-Match', '"0"')
      .send({
        titleTh: 'โครงการเฝ้าระวังชายแดน',
        leadAgencyCode: 'PSDHS-SK',
        districtCodes: ['2706'],
        requestedBudgetSatang: 12_345_600,
        fundingSource: 'provincial_budget',
        strategy: 'prevention',
      })
      .expect(201);
    const open = async (province: string, agency: string, districtCode: string, n: number) => {
      const officer = await auth('agency_officer', province, agency);
      for (let i = 0; i < n; i++) {
        const opened = await api.http
          .post('/api/v1/cases')
          .set(officer)
          .send({ source: 'police', districtCode, foundOn: '2019-05-03', ageGroup: 'adult', person })
          .expect(201);
        position = String(opened.body.position);
      }
    };
    await open(SA_KAEO, 'SHELTER-SK', '2706', 7);
    await open(TRAT, 'PSDHS-TRT', '2302', 2);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await drop?.();
  });

  it('shows a national viewer every province, Thai name first, with the small-count rule applied', async () => {
    const res = await rollup(await auth('national_viewer', BANGKOK, 'OAG'));
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('national');
    expect(res.body.provinces).toHaveLength(77);
    const row = (code: string) => res.body.provinces.find((p: { provinceCode: string }) => p.provinceCode === code);
    // Trat's 2 cases are few; Sa Kaeo's 7 are hidden too, or 9 - 7 would give Trat's away.
    expect(row(TRAT).casesOpened).toEqual({
      count: null,
      suppressed: true,
      fewerThan: 5,
      label: { th: 'น้อยกว่า 5', en: 'fewer than 5' },
    });
    expect(row(SA_KAEO).casesOpened).toEqual({ count: null, suppressed: true });
    expect(row('TH-50').casesOpened).toEqual({ count: 0, suppressed: false });
    expect(res.body.national.casesOpened).toEqual({ count: 9, suppressed: false });
    // Money is not withheld.
    expect(row(SA_KAEO).nameTh).toBe('สระแก้ว');
    expect(row(SA_KAEO).budgetSatang).toBe(12_345_600);
    expect(row(SA_KAEO).plans).toEqual([expect.objectContaining({ status: 'drafting' })]);
    expect(res.body.national).toMatchObject({ plans: 1, provincesWithPlan: 1, budgetSatang: 12_345_600 });
  });

  it('gives a province its own row only, the same cells the country sees, and no national row', async () => {
    const trat = await auth('coordinator', TRAT, 'PSDHS-TRT');
    const own = await rollup(trat);
    expect(own.status).toBe(200);
    expect(own.body.scope).toBe('province');
    expect(own.body.national).toBeNull();
    expect(own.body.provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual([TRAT]);
    expect(own.body.provinces[0].casesOpened).toMatchObject({ suppressed: true, fewerThan: 5 });
    const asked = await rollup(trat, `&province=${TRAT}`);
    expect(asked.body.provinces).toEqual(own.body.provinces);
  });

  it("refuses a province's people another province's row (403 PROVINCE.OUT_OF_REACH)", async () => {
    const res = await rollup(await auth('viewer', TRAT, 'PSDHS-TRT'), `&province=${SA_KAEO}`);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('PROVINCE.OUT_OF_REACH');
    expect(res.body.title ?? res.body.detail).toBeTruthy();
  });

  it('lets a national role drill into one province, with the national row beside it', async () => {
    const res = await rollup(await auth('secretariat', BANGKOK, 'OAG'), `&province=${SA_KAEO}`);
    expect(res.status).toBe(200);
    expect(res.body.provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual([SA_KAEO]);
    expect(res.body.national.casesOpened).toEqual({ count: 9, suppressed: false });
  });

  it.each([
    ['no fiscal year', ''],
    ['a fiscal year that is not a number', 'fiscalYear=abc'],
    ['a fiscal year in the Common Era', 'fiscalYear=2026'],
    ['a fiscal year far beyond', 'fiscalYear=99999999999999999999'],
    ['a province that does not exist', `fiscalYear=${fiscalYear}&province=TH-99`],
    ['an unknown format', `fiscalYear=${fiscalYear}&format=pdf`],
  ])('answers %s with 400 problem+json, never 5xx', async (_, query) => {
    const res = await api.http
      .get(`/api/v1/dashboards/national?${query}`)
      .set(await auth('national_viewer', BANGKOK, 'OAG'));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(typeof res.body.code).toBe('string');
  });

  it('downloads the roll-up as CSV with the same withheld cells', async () => {
    const res = await rollup(await auth('national_auditor', BANGKOK, 'OAG'), '&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse<Record<string, string>>(res.text.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows).toHaveLength(78);
    const trat = rows.find((r) => r.province_code === TRAT)!;
    expect([trat.name_th, trat.cases_opened]).toEqual(['ตราด', '<5']);
    expect(rows.find((r) => r.province_code === SA_KAEO)!.budget_baht).toBe('123456.00');
    expect(rows.at(-1)).toMatchObject({ province_code: 'TH', cases_opened: '9' });
  });
});
