import { loadConfig } from '@ruamjai/config';
import { HTCDS_COLUMNS } from '@ruamjai/reporting';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { SEED_PLAN } from '../apps/cli/src/seed/sakaeo-2562';
import { startApi, type ApiHarness } from './support/api-harness';
import { launchChromium } from './support/browser';
import {
  BrowserPages,
  expectAccessible,
  readyUser as readyUserThroughApi,
  serveConsole,
  shoot,
  signIn as signInThroughForm,
} from './support/console-session';
import { ensurePoppler, pdfText } from './support/poppler';

/** Where the downloaded files are kept, for a person to open. */
const OUTPUT = join(__dirname, '../test-output/console-reports');
/** Text with its line breaks and spaces taken out: lines break between Thai words, where no space is written. */
const plain = (s: string) => s.replace(/\s+/g, '');

/**
 * The reports from the console: the Sa Kaeo FY2562 seed on a real API, real Chromium from Debian,
 * driven by Playwright; each file is fetched with the session's token and saved through an object
 * URL, and read back (poppler for the PDFs, exceljs for the workbook).
 */
describe('reports in the console', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-console-reports-'));
  let api: ApiHarness;
  let browser: Browser;
  let base: string;
  let planId: string;
  let secretariat: { Authorization: string };
  const users: Record<string, { password: string; secret?: string }> = {};

  /** A person who has already been through the first sign-in (through the API), remembered for signing in. */
  async function readyUser(username: string, role: string, password: string, agency: string): Promise<void> {
    users[username] = {
      password,
      secret: await readyUserThroughApi(api, secretariat.Authorization, { username, role, password, agency }),
    };
  }

  beforeAll(async () => {
    ensurePoppler();
    mkdirSync(OUTPUT, { recursive: true });
    // The schema first, then the seed on the same folder, then the API that serves it (as test/reports.e2e-spec.ts does).
    const before = await startApi({ DATA_DIR: dir });
    await before.close();
    const seed = await seedSakaeo2562(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    planId = seed.planId;
    api = await startApi({ DATA_DIR: dir }, { agencies: false });
    base = await serveConsole(api);
    secretariat = { Authorization: `Bearer ${await api.token('coordinator', 'somchai.k', 'PSDHS-SK')}` };
    // The plan page reads a projection: wait until it has caught up with the seed.
    for (let tries = 0; ; tries++) {
      const res = await api.http.get(`/api/v1/plans/${planId}/dashboard?minPosition=${seed.position}`).set(secretariat);
      if (res.status === 200) break;
      if (tries > 30) throw new Error(`the views did not catch up with the seed: ${res.status}`);
    }
    await readyUser('reports.coord', 'coordinator', 'เลขานุการรายงาน-2562', 'PSDHS-SK');
    await readyUser('reports.officer', 'agency_officer', 'ด่านรายงาน-2562-ก', 'IMM-SK');
    await readyUser('reports.viewer', 'viewer', 'ผู้ดูรายงาน-2562-ก', 'PROV-SK');
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pages = new BrowserPages(() => browser);
  afterEach(() => pages.closeAll());

  /** A page that records what the Content Security Policy refused and any uncaught error. */
  async function newPage(): Promise<{ page: Page; refused: string[] }> {
    const { page } = await pages.newPage({ height: 900, acceptDownloads: true });
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    page.on('pageerror', (e) => refused.push(String(e)));
    return { page, refused };
  }

  /** The options of the select just clicked open, once its dropdown has opened (it animates in). */
  async function openOptions(page: Page): Promise<string[]> {
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    return options.allInnerTexts();
  }

  const signIn = (page: Page, username: string) => signInThroughForm(page, base, { username, ...users[username] });

  /** Clicks a download button and keeps the file the browser saves; the spinner shows while the report is built. */
  async function download(page: Page, button: Locator, name: string): Promise<{ file: string; download: Download }> {
    const [saved] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = join(OUTPUT, name);
    await saved.saveAs(file);
    expect(await saved.failure()).toBeNull();
    return { file, download: saved };
  }

  /** The position the provenance line names once it tells of the file just saved. */
  async function shownPosition(card: Locator, phrase: RegExp, download: Download): Promise<string> {
    const note = card.getByTestId('report-provenance');
    await note.filter({ hasText: download.suggestedFilename() }).filter({ hasText: phrase }).waitFor();
    return phrase.exec(await note.innerText())![1];
  }

  it('the secretariat downloads the action plan (PDF) and the Q4 progress (Excel) from the plan, each naming its log position; the quarter is a Thai fiscal quarter; as of a B.E. day the plan is not yet approved', async () => {
    const { page, refused } = await newPage();
    await signIn(page, 'reports.coord');
    await page.goto(`${base}/#/plans/${planId}`);
    const card = page.getByTestId('plan-reports');
    await card.waitFor();
    await page.getByRole('heading', { name: SEED_PLAN.titleTh }).waitFor();
    expect(await card.getByRole('heading', { name: 'รายงาน' }).count()).toBe(1);

    // The action plan: a PDF with the plan's Thai title, built from the position the console shows.
    const actionPlan = card.getByRole('button', { name: 'ดาวน์โหลดแผนปฏิบัติการ (PDF)' });
    const pdf = await download(page, actionPlan, 'action-plan.pdf');
    expect(pdf.download.suggestedFilename()).toBe(`action-plan-${planId}.pdf`);
    expect(readFileSync(pdf.file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = plain(pdfText(pdf.file));
    expect(text).toContain(plain(SEED_PLAN.titleTh));
    const position = await shownPosition(card, /สร้างจากบันทึกเหตุการณ์ถึงตำแหน่ง (\d+)/, pdf.download);
    expect(text).toContain(plain(`ตำแหน่ง ${position}`));
    expect(await card.getByTestId('report-provenance').innerText()).toContain(`บันทึกไฟล์ action-plan-${planId}.pdf แล้ว`);

    // The quarterly progress: the picker names the Thai fiscal quarters; Q4 as a workbook.
    const quarter = card.getByTestId('report-quarter');
    await quarter.click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    expect(await openOptions(page)).toEqual([
      'ไตรมาสที่ 1 (ต.ค. – ธ.ค.)',
      'ไตรมาสที่ 2 (ม.ค. – มี.ค.)',
      'ไตรมาสที่ 3 (เม.ย. – มิ.ย.)',
      'ไตรมาสที่ 4 (ก.ค. – ก.ย.)',
    ]);
    await options.filter({ hasText: 'ไตรมาสที่ 1' }).click();
    await quarter.click();
    await options.filter({ hasText: 'ไตรมาสที่ 4' }).click();
    await shoot(card, 'th', '20-plan-reports-card');
    const xlsx = await download(
      page,
      card.getByRole('button', { name: 'ดาวน์โหลดรายงานผลการดำเนินงานรายไตรมาส ไตรมาสที่ 4 (ก.ค. – ก.ย.) (Excel)' }),
      'quarterly-progress-q4.xlsx',
    );
    expect(xlsx.download.suggestedFilename()).toBe(`quarterly-progress-2562-q4-${planId}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.file);
    expect(book.worksheets.length).toBeGreaterThan(0);
    expect(book.getWorksheet('งบประมาณตามแหล่ง')).toBeDefined();
    const xlsxPosition = await shownPosition(card, /สร้างจากบันทึกเหตุการณ์ถึงตำแหน่ง (\d+)/, xlsx.download);
    expect(book.getWorksheet('รายงาน')!.getCell('B3').value).toBe(xlsxPosition);
    await shoot(page, 'th', '21-plan-reports');
    await expectAccessible(page, 'plan with reports');

    // As of 1 March 2562 (B.E. in the calendar): the plan before its approval on 15 March.
    await card.getByTestId('report-as-of').click();
    const picker = page.locator('.ant-picker-dropdown:visible');
    await picker.locator('.ant-picker-year-btn').click();
    await picker.locator('.ant-picker-header-super-prev-btn').click();
    await picker.locator('.ant-picker-cell-in-view', { hasText: /^2562$/ }).click();
    await picker.locator('.ant-picker-cell-in-view', { hasText: /^มี\.ค\.$/ }).click();
    // The calendar says the year in the Buddhist era, the month in Thai.
    expect(await picker.locator('.ant-picker-header-view').innerText()).toMatch(/มี\.ค\.\s*2562/);
    await shoot(page, 'th', '22-as-of-calendar');
    await picker.locator('.ant-picker-cell-in-view', { hasText: /^1$/ }).first().click();
    expect(await card.getByTestId('report-as-of').inputValue()).toBe('1 มี.ค. 2562');
    const earlier = await download(page, actionPlan, 'action-plan-as-of-2562-03-01.pdf');
    expect(plain(pdfText(earlier.file))).toContain(plain('ยังไม่ได้รับความเห็นชอบ'));
    await card.getByTestId('report-provenance').filter({ hasText: '2019-03-01T16:59:59.999Z' }).waitFor();
    expect(BigInt(await shownPosition(card, /ตำแหน่ง (\d+)/, earlier.download))).toBeLessThan(BigInt(position));
    await shoot(card, 'th', '23-plan-reports-as-of');
    expect(refused).toEqual([]);
  }, 120_000);

  it('shows the API’s problem in the reader’s language, and the card in English', async () => {
    const { page, refused } = await newPage();
    await signIn(page, 'reports.coord');
    await page.goto(`${base}/#/plans/${planId}`);
    const card = page.getByTestId('plan-reports');
    await card.waitFor();
    // A quarter the API refuses (5), swapped in on the way out: the answer is the API's own problem+json.
    const problem = (
      await api.http.get(`/api/v1/plans/${planId}/reports/quarterly-progress?quarter=5`).set(secretariat).expect(400)
    ).body as { messages: { th: string; en: string } };
    const quarterly = /\/reports\/quarterly-progress\?/;
    await page.route(quarterly, (route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/quarter=\d/, 'quarter=5'),
      }),
    );
    await card.getByRole('button', { name: /^ดาวน์โหลดรายงานผลการดำเนินงานรายไตรมาส .* \(PDF\)$/ }).click();
    const error = card.getByTestId('report-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(problem.messages.th);
    await shoot(card, 'th', '26-plan-reports-error');
    expect(
      await card
        .getByRole('button', { name: /\(PDF\)$/ })
        .first()
        .isEnabled(),
    ).toBe(true);
    await page.unroute(quarterly);

    await page.getByTestId('language-switch').click();
    await card.getByRole('heading', { name: 'Reports' }).waitFor();
    expect(await error.innerText()).toContain(problem.messages.en);
    await shoot(card, 'en', '26-plan-reports-error');
    // A fund report in English: the provenance in English, the error gone.
    const fund = await download(page, card.getByRole('button', { name: 'Download Fund report (Excel)' }), 'fund.xlsx');
    const position = await shownPosition(card, /Built from the log up to position (\d+)/, fund.download);
    expect(position).toMatch(/^\d+$/);
    expect(await error.count()).toBe(0);
    await card.getByTestId('report-quarter').click();
    expect(await openOptions(page)).toEqual(['Q1 (Oct – Dec)', 'Q2 (Jan – Mar)', 'Q3 (Apr – Jun)', 'Q4 (Jul – Sep)']);
    await page.keyboard.press('Escape');
    await shoot(card, 'en', '20-plan-reports-card');
    await shoot(page, 'en', '21-plan-reports');
    await expectAccessible(page, 'plan with reports, English');

    await page.getByRole('link', { name: 'Dashboards' }).click();
    const cases = page.getByTestId('case-reports');
    await cases.waitFor();
    await shoot(cases, 'en', '24-case-reports-card');
    expect(refused).toEqual([]);
  }, 120_000);

  it('the secretariat downloads the HTCDS export (CSV) and the case statistics from the dashboard', async () => {
    const { page, refused } = await newPage();
    await signIn(page, 'reports.coord');
    await page.getByRole('link', { name: 'แดชบอร์ด' }).click();
    const cases = page.getByTestId('case-reports');
    await cases.waitFor();
    const csv = await download(
      page,
      cases.getByRole('button', { name: 'ดาวน์โหลดข้อมูลคดีตามมาตรฐาน HTCDS (CSV)' }),
      'htcds-cases.csv',
    );
    expect(csv.download.suggestedFilename()).toBe('htcds-cases.csv');
    expect(readFileSync(csv.file, 'utf8').split('\n')[0]).toContain(HTCDS_COLUMNS.join(','));
    await shownPosition(cases, /สร้างจากบันทึกเหตุการณ์ถึงตำแหน่ง (\d+)/, csv.download);
    const stats = await download(
      page,
      cases.getByRole('button', { name: 'ดาวน์โหลดสถิติคดี (PDF)' }),
      'case-statistics.pdf',
    );
    expect(stats.download.suggestedFilename()).toBe('case-statistics.pdf');
    expect(readFileSync(stats.file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await shoot(cases, 'th', '24-case-reports-card');
    await shoot(page, 'th', '25-dashboard-reports');
    await expectAccessible(page, 'dashboard with case reports');
    expect(refused).toEqual([]);
  }, 120_000);

  it('an agency officer gets the plan reports without a past point and case statistics without the HTCDS export; a viewer gets case statistics only', async () => {
    const officer = await newPage();
    await signIn(officer.page, 'reports.officer');
    await officer.page.goto(`${base}/#/plans/${planId}`);
    const card = officer.page.getByTestId('plan-reports');
    await card.waitFor();
    expect(await card.getByRole('button', { name: 'ดาวน์โหลดแผนปฏิบัติการ (PDF)' }).count()).toBe(1);
    expect(await card.getByTestId('report-as-of').count()).toBe(0);
    await officer.page.getByRole('link', { name: 'แดชบอร์ด' }).click();
    const cases = officer.page.getByTestId('case-reports');
    await cases.waitFor();
    expect(await cases.getByRole('button', { name: 'ดาวน์โหลดสถิติคดี (Excel)' }).count()).toBe(1);
    expect(await cases.getByRole('button', { name: /HTCDS/ }).count()).toBe(0);
    expect(await cases.getByText('ข้อมูลคดีตามมาตรฐาน HTCDS').count()).toBe(0);

    const viewer = await newPage();
    await signIn(viewer.page, 'reports.viewer');
    const viewerCases = viewer.page.getByTestId('case-reports');
    await viewerCases.waitFor();
    expect(await viewerCases.getByRole('button', { name: 'ดาวน์โหลดสถิติคดี (PDF)' }).count()).toBe(1);
    expect(await viewerCases.getByRole('button', { name: /HTCDS/ }).count()).toBe(0);
    expect(await viewer.page.getByTestId('plan-reports').count()).toBe(0);
    const xlsx = await download(
      viewer.page,
      viewerCases.getByRole('button', { name: 'ดาวน์โหลดสถิติคดี (Excel)' }),
      'case-statistics-viewer.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.file);
    expect(book.worksheets.length).toBeGreaterThan(0);
    await shoot(viewer.page, 'th', '27-dashboard-viewer');
    expect([...officer.refused, ...viewer.refused]).toEqual([]);
  }, 120_000);
});
