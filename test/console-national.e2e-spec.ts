import { fiscalYearOf, type Role } from '@ruamjai/kernel';
import type { Page } from 'playwright-core';
import { consoleSuite, expectAccessible, shoot } from './support/console-session';

const SA_KAEO = 'TH-27';
const TRAT = 'TH-23';
const person = { givenName: 'Fictional-Roll-up', identityDocuments: [{ kind: 'passport', number: 'N0000001-FICT' }] };

/**
 * The national roll-up in a browser over the real API: plans in Sa Kaeo and Trat with budgets, cases
 * opened in both through the API (7 and 2), and a national viewer who reads every province with the
 * small-count rule applied, in Thai and in English. A provincial coordinator has no such menu entry.
 */
describe('the national roll-up in the console', () => {
  const suite = consoleSuite();
  const { readyUser, signIn } = suite;
  const newPage = (): Promise<Page> => suite.newPage({ height: 900 });
  const fiscalYear = fiscalYearOf(new Date());
  let position = '0';

  const auth = async (role: Role, province: string, agency: string) => ({
    Authorization: `Bearer ${await suite.api.token(role, `${role}.${province}`, agency, province)}`,
  });

  beforeAll(async () => {
    const { http } = suite.api;
    for (const [code, agencyType] of [
      ['SHELTER-SK', 'shelter'],
      ['PSDHS-TRT', 'social_development'],
    ])
      await http
        .post('/api/v1/agencies')
        .set(suite.secretariat)
        .send({ code, nameTh: `หน่วยงาน ${code}`, agencyType })
        .expect(201);
    for (const [province, agency, district, budget] of [
      [SA_KAEO, 'PSDHS-SK', '2706', 250_000_000],
      [TRAT, 'PSDHS-TRT', '2302', 90_000_000],
    ] as const) {
      const coordinator = await auth('coordinator', province, agency);
      const drafted = await http
        .post('/api/v1/plans')
        .set(coordinator)
        .send({ provinceCode: province, fiscalYear, titleTh: `แผนปฏิบัติการ ${province} ประจำปี ${fiscalYear}` })
        .expect(201);
      const added = await http
        .post(`/api/v1/plans/${drafted.body.planId}/projects`)
        .set(coordinator)
        .set('If-Match', '"0"')
        .send({
          titleTh: 'โครงการป้องกันการค้ามนุษย์ชายแดน',
          leadAgencyCode: agency,
          districtCodes: [district],
          requestedBudgetSatang: budget,
          fundingSource: 'anti_trafficking_fund',
          strategy: 'prevention',
        })
        .expect(201);
      position = String(added.body.position);
    }
    for (const [province, agency, district, n] of [
      [SA_KAEO, 'SHELTER-SK', '2706', 7],
      [TRAT, 'PSDHS-TRT', '2302', 2],
    ] as const) {
      const officer = await auth('agency_officer', province, agency);
      for (let i = 0; i < n; i++) {
        const opened = await http
          .post('/api/v1/cases')
          .set(officer)
          .send({ source: 'police', districtCode: district, foundOn: '2019-05-03', ageGroup: 'adult', person })
          .expect(201);
        position = String(opened.body.position);
      }
    }
    // The page reads projections: wait until they hold every write above.
    await http
      .get(`/api/v1/dashboards/national?fiscalYear=${fiscalYear}&minPosition=${position}`)
      .set(await auth('national_viewer', SA_KAEO, 'OAG'))
      .expect(200);
  }, 300_000);

  it('a national viewer reads every province with small counts withheld, in Thai and in English, on a one-row header', async () => {
    const secret = await readyUser('nat.viewer', 'national_viewer', 'ผู้ดูภาพรวมประเทศ-2569', 'OAG');
    const page = await newPage();
    await signIn(page, 'nat.viewer', 'ผู้ดูภาพรวมประเทศ-2569', secret);
    await page.getByRole('link', { name: 'ภาพรวมประเทศ' }).click();
    await page.getByTestId('national-table').waitFor();
    const header = await page.locator('.app-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);
    // A national role reads every province: the header does not name the province its account was made in.
    expect(await page.getByTestId('user-province').innerText()).toBe('ส่วนกลาง (ทุกจังหวัด)');
    expect(await page.getByTestId('national-table').locator('tbody tr').count()).toBe(78);
    expect(await page.getByTestId(`${TRAT}-casesOpened`).innerText()).toBe('น้อยกว่า 5');
    expect(await page.getByTestId(`${SA_KAEO}-casesOpened`).innerText()).toBe('ไม่เปิดเผย');
    expect(await page.getByTestId('national-casesOpened').first().innerText()).toBe('9');
    const saKaeo = page.getByTestId('national-table').locator('tr', { hasText: 'สระแก้ว' });
    expect(await saKaeo.innerText()).toContain('฿2,500,000.00');
    expect(await saKaeo.innerText()).toContain('Sa Kaeo');
    expect(await page.locator('#main').innerText()).toContain(`ปีงบประมาณ ${fiscalYear}`);
    await shoot(page, 'th', '20-national');
    await expectAccessible(page, 'national roll-up');

    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'National roll-up' }).waitFor();
    expect(await page.getByTestId('user-province').innerText()).toBe('National (every province)');
    expect(await page.getByTestId(`${TRAT}-casesOpened`).innerText()).toBe('fewer than 5');
    expect((await page.locator('.app-header').boundingBox())?.height).toBeLessThanOrEqual(64);
    await shoot(page, 'en', '20-national');
    await expectAccessible(page, 'national roll-up (en)');
  }, 300_000);

  it('offers a provincial coordinator no national roll-up in the menu', async () => {
    const secret = await readyUser('coord.rollup', 'coordinator', 'ผู้ประสานงานจังหวัด-2569', 'PSDHS-SK');
    const page = await newPage();
    await signIn(page, 'coord.rollup', 'ผู้ประสานงานจังหวัด-2569', secret);
    await page.getByRole('link', { name: 'แดชบอร์ด' }).waitFor();
    expect(await page.getByRole('link', { name: 'ภาพรวมประเทศ' }).count()).toBe(0);
    expect(await page.getByTestId('user-province').innerText()).toBe('จังหวัดสระแก้ว');
    expect((await page.locator('.app-header').boundingBox())?.height).toBeLessThanOrEqual(64);
    await shoot(page, 'th', '21-coordinator-header');
  }, 120_000);
});
