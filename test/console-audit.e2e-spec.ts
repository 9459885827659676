import type { Clock } from '@ruamjai/kernel';
import { PLAN_EVENT_TYPES } from '@ruamjai/planning';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import auditEn from '../apps/console/src/locales/audit.en.json';
import auditTh from '../apps/console/src/locales/audit.th.json';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';
import { launchChromium } from './support/browser';
import {
  BrowserPages,
  expectAccessible,
  readyUser as readyUserThroughApi,
  serveConsole,
  shoot,
  signIn as signInThroughForm,
} from './support/console-session';

/** Where the downloaded exports are kept, for a person to open. */
const OUTPUT = join(__dirname, '../test-output/console-audit');

/** A clock sent back to days of fiscal year 2562 while the plan is set up, then left to run with real time (sign-ins, codes, tokens). */
class TravelClock implements Clock {
  private at: Date | null = null;
  now(): Date {
    return this.at ? new Date(this.at.getTime()) : new Date();
  }
  travel(to: string | null): void {
    this.at = to === null ? null : new Date(to);
  }
}

const baht = (satang: number) =>
  `฿${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(satang / 100)}`;
const THAI_STATUS: Record<string, string> = {
  drafting: 'ร่าง',
  submitted: 'เสนอแล้ว',
  approved: 'อนุมัติแล้ว',
  amended: 'แก้ไขเพิ่มเติมแล้ว',
  closed: 'ปิดแผนแล้ว',
};

interface PlanJson {
  revision: number;
  status: string;
  edition: number;
  projects: Array<{
    projectId: string;
    titleTh: string;
    requestedBudgetSatang: number;
    activities: Array<{ titleTh: string }>;
  }>;
  totals: { requestedBudgetSatang: number };
}

/**
 * The auditor's screens in a browser: a real API whose clock is sent back to FY2562 while the
 * secretariat drafts, fills, submits, the chair approves and the secretariat amends a plan through
 * the API; then real Chromium from Debian, driven by Playwright, as an auditor reading it back. What
 * each screen shows is compared with what the API answers for the same point.
 */
describe('the auditor’s screens in the console', () => {
  const clock = new TravelClock();
  let api: ApiHarness;
  let browser: Browser;
  let base: string;
  let planId: string;
  let projectA: string;
  let projectB: string;
  let auditor: { Authorization: string };
  const users: Record<string, { password: string; secret?: string }> = {};
  const REASON_BUDGET = 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน';
  const REASON_AMEND = 'ได้รับงบกองทุนเพิ่มเติมจากกระทรวง';
  const PROJECT_B = 'โครงการเฝ้าระวังแรงงานข้ามชาติกลุ่มเสี่ยงที่ด่านพรมแดนอรัญประเทศ';

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    api = await startApi({}, { clock });
    base = await serveConsole(api);
    const secretariat = `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}`;
    const ready = async (username: string, role: string, password: string, agency: string) => {
      users[username] = {
        password,
        secret: await readyUserThroughApi(api, secretariat, { username, role, password, agency }),
      };
    };
    await ready('audit.coord', 'coordinator', 'เลขานุการแผน-2562-ก', 'PSDHS-SK');
    await ready('audit.chair', 'chair', 'ประธานอนุกรรมการ-2562', 'PROV-SK');
    await ready('audit.auditor', 'auditor', 'ผู้ตรวจสอบแผน-2562-ก', 'OAG');
    await ready('audit.officer', 'agency_officer', 'ด่านตรวจแผน-2562-ก', 'IMM-SK');
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'audit.coord', 'PSDHS-SK')}` };
    const chair = { Authorization: `Bearer ${await api.token('chair', 'audit.chair', 'PROV-SK')}` };
    auditor = { Authorization: `Bearer ${await api.token('auditor', 'audit.auditor', 'OAG')}` };

    // The plan's year, each step on its own day (Bangkok 10:00).
    const at = (day: string) => clock.travel(`${day}T03:00:00Z`);
    const post = async (path: string, who: { Authorization: string }, revision: number, body: object = {}) => {
      const res = await api.http
        .post(`/api/v1/plans/${planId}${path}`)
        .set(who)
        .set('If-Match', `"${revision}"`)
        .send(body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { projectId?: string; position: string };
    };
    at('2019-02-14');
    planId = (await api.http.post('/api/v1/plans').set(coordinator).send(samplePlan).expect(201)).body.planId;
    at('2019-02-20');
    projectA = (await post('/projects', coordinator, 0, sampleProject)).projectId!;
    at('2019-02-22');
    await post(`/projects/${projectA}/activities`, coordinator, 1, {
      titleTh: 'อบรมแกนนำชุมชนชายแดน',
      districtCode: '2706',
      startDate: '2019-05-20',
      endDate: '2019-05-21',
      targets: { women: 20, general_public: 30 },
    });
    at('2019-03-05');
    await post(`/projects/${projectA}/budget-revisions`, coordinator, 2, {
      requestedBudgetSatang: 12_000_000,
      reason: REASON_BUDGET,
    });
    at('2019-03-08');
    await post('/submission', coordinator, 3);
    at('2019-03-15');
    await post('/approval', chair, 4, { meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' });
    at('2019-05-02');
    const amended = await post('/projects', coordinator, 5, {
      ...sampleProject,
      titleTh: PROJECT_B,
      strategy: 'prevention',
      requestedBudgetSatang: 8_000_000,
      reason: REASON_AMEND,
    });
    projectB = amended.projectId!;
    clock.travel(null);
    await api.http.get(`/api/v1/plans/${planId}?minPosition=${amended.position}`).set(coordinator).expect(200);
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const pages = new BrowserPages(() => browser);
  afterEach(() => pages.closeAll());

  /** A page that records what the Content Security Policy refused and any uncaught error. */
  async function newPage(width = 1280): Promise<{ page: Page; refused: string[] }> {
    const { page } = await pages.newPage({ height: 900, acceptDownloads: true });
    if (width !== 1280) await page.setViewportSize({ width, height: 900 });
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    page.on('pageerror', (e) => refused.push(String(e)));
    return { page, refused };
  }
  const signIn = (page: Page, username: string) => signInThroughForm(page, base, { username, ...users[username] });
  const apiGet = async <T>(path: string): Promise<T> => (await api.http.get(path).set(auditor).expect(200)).body as T;

  /** Picks a day from the B.E. calendar of a date field: the year, the month by its Thai or English short name, the day. */
  async function pickDay(page: Page, field: Locator, year: string, month: RegExp, day: string): Promise<void> {
    await field.click();
    const picker = page.locator('.ant-picker-dropdown:visible');
    await picker.locator('.ant-picker-year-btn').click();
    while ((await picker.locator('.ant-picker-cell-in-view', { hasText: new RegExp(`^${year}$`) }).count()) === 0)
      await picker.locator('.ant-picker-header-super-prev-btn').click();
    await picker.locator('.ant-picker-cell-in-view', { hasText: new RegExp(`^${year}$`) }).click();
    await picker.locator('.ant-picker-cell-in-view', { hasText: month }).click();
    await picker
      .locator('.ant-picker-cell-in-view', { hasText: new RegExp(`^${day}$`) })
      .first()
      .click();
  }

  /** What the read-only plan tree in `scope` shows, in the API's terms. */
  async function shownPlan(scope: Locator) {
    const tree = scope.getByTestId('plan-tree');
    return {
      revision: Number(await tree.getAttribute('data-revision')),
      status: await tree.getByTestId('plan-status').innerText(),
      edition: await tree.getByTestId('plan-edition').innerText(),
      total: await tree.getByTestId('plan-requested-total').innerText(),
      titles: await tree.getByTestId('project-title').allInnerTexts(),
      budgets: await tree.getByTestId('project-budget').allInnerTexts(),
      activities: await tree.getByTestId('plan-activity').count(),
    };
  }
  /** The same, from the API's JSON, as the Thai screen must say it. */
  const expectedPlan = (json: PlanJson) => ({
    revision: json.revision,
    status: THAI_STATUS[json.status],
    edition: String(json.edition),
    total: baht(json.totals.requestedBudgetSatang),
    // The tree groups projects by strategy: prevention before protection.
    titles: [...json.projects]
      .sort((a, b) => (a.projectId === projectB ? -1 : b.projectId === projectB ? 1 : 0))
      .map((p) => p.titleTh),
    budgets: [...json.projects]
      .sort((a, b) => (a.projectId === projectB ? -1 : b.projectId === projectB ? 1 : 0))
      .map((p) => baht(p.requestedBudgetSatang)),
    activities: json.projects.reduce((n, p) => n + p.activities.length, 0),
  });

  it('names every kind of plan event in Thai and in English, never by its identifier', () => {
    for (const names of [auditTh.events, auditEn.events]) {
      expect(
        Object.keys(names)
          .filter((k) => k !== 'unknown')
          .sort(),
      ).toEqual([...PLAN_EVENT_TYPES].sort());
      for (const [type, name] of Object.entries(names)) expect(name).not.toContain(type);
    }
    // Every text in both languages (English plurals in their _one/_other forms).
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null
          ? keys(v, `${prefix}${k}.`)
          : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
      );
    expect([...new Set(keys(auditEn))].sort()).toEqual([...new Set(keys(auditTh))].sort());
  });

  it('an auditor sees the log verified with the API’s chain head, and reads the plan’s history in order: who, when in B.E., why, and what changed field by field; filters, pages and exports it', async () => {
    const { page, refused } = await newPage();
    await signIn(page, 'audit.auditor');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ตรวจสอบ' }).click();
    await page.getByRole('heading', { name: 'ตรวจสอบย้อนหลัง', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/audit');

    // The verification: what the API says of the log, head and position, in B.E. Bangkok time.
    const state = page.getByTestId('verification-state');
    await state.waitFor();
    expect(await state.getAttribute('data-state')).toBe('verified');
    expect(await state.innerText()).toContain('ตรวจสอบแล้ว ห่วงโซ่ครบถ้วน');
    const chain = await apiGet<{ ok: boolean; head: { digest: string; position: string } }>(
      '/api/v1/audit/verification',
    );
    expect(chain.ok).toBe(true);
    const head = page.getByTestId('chain-head');
    expect(await head.getAttribute('data-digest')).toBe(chain.head.digest);
    expect(await head.innerText()).toContain(`${chain.head.digest.slice(0, 12)}…${chain.head.digest.slice(-8)}`);
    expect(await page.getByTestId('chain-position').innerText()).toBe(chain.head.position);
    expect(await page.getByTestId('chain-checked-at').innerText()).toMatch(/^\d{1,2} [ก-๙.]+ 25\d\d \d\d:\d\d น\.$/);
    expect(await page.getByRole('button', { name: /คัดลอก/ }).count()).toBe(1);

    // The plans to pick from: fiscal year in B.E., status in Thai.
    const row = page.getByRole('row').filter({ hasText: samplePlan.titleTh });
    expect(await row.innerText()).toContain('ปีงบประมาณ 2562');
    expect(await row.innerText()).toContain('แก้ไขเพิ่มเติมแล้ว');
    await expectAccessible(page, 'audit home');
    await shoot(page, 'th', '40-audit-home');

    // The history: every event in order, named in Thai.
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: `ตรวจสอบ: ${samplePlan.titleTh}`, level: 1 }).waitFor();
    const history = await apiGet<{ events: Array<{ type: string; revision: number }> }>(
      `/api/v1/plans/${planId}/history`,
    );
    const entries = page.getByTestId('history-entry');
    await entries.nth(history.events.length - 1).waitFor();
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual(
      history.events.map((e) => e.type),
    );
    expect(await page.getByTestId('history').locator('h3').allInnerTexts()).toEqual([
      'ร่างแผน',
      'เพิ่มโครงการ',
      'เพิ่มกิจกรรม',
      'ปรับงบประมาณโครงการ',
      'เสนอแผนขอความเห็นชอบ',
      'อนุกรรมการให้ความเห็นชอบแผน',
      'เพิ่มโครงการ',
      'แก้ไขแผนหลังอนุมัติ (ฉบับใหม่)',
    ]);

    // The budget revision: who (display name, role, agency), when (B.E., Bangkok), why, and the field before → after in baht.
    const revised = page.locator('[data-testid="history-entry"][data-type="ProjectBudgetRevised"]');
    expect(await revised.getByTestId('entry-time').innerText()).toBe('5 มี.ค. 2562 10:00 น.');
    expect(await revised.getByTestId('entry-actor').innerText()).toBe(
      'โดย คุณaudit.coord (ผู้ประสานงานศูนย์ฯ จังหวัด, สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว)',
    );
    expect(await revised.getByTestId('entry-reason').innerText()).toBe(`เหตุผล: ${REASON_BUDGET}`);
    const budgetRow = revised.locator(`tr[data-path="projects[${projectA}].requestedBudgetSatang"]`);
    expect((await budgetRow.locator('th, td').allInnerTexts()).map((s) => s.trim())).toEqual([
      `โครงการ «${sampleProject.titleTh}» › งบประมาณที่ขอ`,
      '฿150,000.00',
      '฿120,000.00',
    ]);
    const approved = page.locator('[data-testid="history-entry"][data-type="PlanApproved"]');
    expect(await approved.getByTestId('entry-actor').innerText()).toBe(
      'โดย คุณaudit.chair (ประธานอนุกรรมการ, ศาลากลางจังหวัดสระแก้ว)',
    );
    expect(await approved.locator('tr[data-path="status"] td').allInnerTexts()).toEqual(['เสนอแล้ว', 'อนุมัติแล้ว']);
    await shoot(page, 'th', '41-audit-history');
    await expectAccessible(page, 'audit history');

    // A filter by kind, as the API filters.
    await page.getByTestId('filter-type').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'ปรับงบประมาณโครงการ' })
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('history-entry').nth(0).and(page.locator('[data-type="ProjectBudgetRevised"]')).waitFor();
    expect(await entries.count()).toBe(1);
    await shoot(page, 'th', '45-audit-history-filtered');
    // The filtered trail exported as JSON holds exactly the API's filtered events.
    const [filteredJson] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    await filteredJson.saveAs(join(OUTPUT, 'history-filtered.json'));
    const filteredApi = await apiGet<{ events: unknown[] }>(
      `/api/v1/plans/${planId}/history?type=ProjectBudgetRevised`,
    );
    expect(JSON.parse(readFileSync(join(OUTPUT, 'history-filtered.json'), 'utf8')).events).toEqual(filteredApi.events);
    await page.getByTestId('filter-type').locator('.ant-select-clear').click({ force: true });
    await entries.nth(history.events.length - 1).waitFor();
    const shownRevisions = () => entries.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-revision'))));
    const apiRevisions = async (query: string) =>
      (await apiGet<{ events: Array<{ revision: number }> }>(`/api/v1/plans/${planId}/history?${query}`)).events.map(
        (e) => e.revision,
      );

    // By who acted, as the directory names them.
    await page.getByTestId('filter-actor').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'คุณaudit.chair (audit.chair)' })
      .click();
    await entries.first().and(page.locator('[data-type="PlanApproved"]')).waitFor();
    await page.getByTestId('page-range').filter({ hasText: 'รายการที่ 1–1' }).waitFor();
    expect(await shownRevisions()).toEqual(await apiRevisions('actor=audit.chair'));
    await page.getByTestId('filter-actor').locator('.ant-select-clear').click({ force: true });
    await entries.nth(history.events.length - 1).waitFor();

    // From a day of the B.E. calendar on: 1 March 2562 from its first instant in Bangkok.
    await pickDay(page, page.getByTestId('filter-from'), '2562', /^มี\.ค\.$/, '1');
    expect(await page.getByTestId('filter-from').inputValue()).toBe('1 มี.ค. 2562');
    await entries.first().and(page.locator('[data-revision="3"]')).waitFor();
    expect(await shownRevisions()).toEqual(await apiRevisions('from=2019-02-28T17:00:00.000Z'));
    expect(await shownRevisions()).toEqual([3, 4, 5, 6, 7]);
    await page.getByTestId('filter-from').click();
    await page.locator('.ant-picker-clear').first().click({ force: true });
    await page.keyboard.press('Escape');
    await entries.first().and(page.locator('[data-revision="0"]')).waitFor();

    // Paging through the API's pages, five at a time.
    await page.getByTestId('page-size').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '5 รายการ' }).click();
    await page.getByTestId('page-range').filter({ hasText: 'รายการที่ 1–5' }).waitFor();
    expect(await entries.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-revision'))))).toEqual([
      0, 1, 2, 3, 4,
    ]);
    await page.getByTestId('page-next').click();
    await page.getByTestId('page-range').filter({ hasText: 'รายการที่ 6–8' }).waitFor();
    expect(await entries.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-revision'))))).toEqual([
      5, 6, 7,
    ]);
    expect(await page.getByTestId('page-next').isDisabled()).toBe(true);
    await page.getByTestId('page-previous').click();
    await page.getByTestId('page-range').filter({ hasText: 'รายการที่ 1–5' }).waitFor();

    // The exports: the API's CSV (UTF-8 with a BOM, for Excel) and its JSON, every page of them.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toBe(`plan-${planId}-history.csv`);
    await csv.saveAs(join(OUTPUT, 'history.csv'));
    const bytes = readFileSync(join(OUTPUT, 'history.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'revision,occurredAt,recordedAt,type,actor,agency,role,reason,correlationId,eventId,changes,data',
    );
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(history.events.map((e) => e.type));
    expect(bytes.toString('utf8')).toContain(REASON_BUDGET);
    await page
      .getByTestId('export-status')
      .filter({ hasText: `บันทึกไฟล์ plan-${planId}-history.csv แล้ว (8 เหตุการณ์)` })
      .waitFor();
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    await json.saveAs(join(OUTPUT, 'history.json'));
    const exported = JSON.parse(readFileSync(join(OUTPUT, 'history.json'), 'utf8')) as {
      planId: string;
      events: unknown[];
    };
    expect(exported.planId).toBe(planId);
    expect(exported.events).toEqual((await apiGet<{ events: unknown[] }>(`/api/v1/plans/${planId}/history`)).events);
    expect(refused).toEqual([]);
  }, 180_000);

  it('an auditor opens the plan as of a date before its approval and sees exactly what the API returns for ?asOf=; the slider moves between revisions; two revisions side by side show what the amendment added', async () => {
    const { page, refused } = await newPage();
    await signIn(page, 'audit.auditor');
    await page.goto(`${base}/#/audit/plans/${planId}/history`);
    await page.getByRole('tab', { name: 'แผน ณ วันหรือรุ่นที่เลือก' }).click();
    const plan = page.getByTestId('as-of-plan');
    // With no point picked: the plan as it stands, its latest revision.
    await plan.locator('[data-revision="7"]').waitFor();

    // 1 March 2562 B.E., from the Buddhist-era calendar: before the approval on 15 March.
    await pickDay(page, page.getByTestId('as-of-day'), '2562', /^มี\.ค\.$/, '1');
    expect(await page.getByTestId('as-of-day').inputValue()).toBe('1 มี.ค. 2562');
    const point = page.getByTestId('as-of-point');
    await point.filter({ hasText: 'แผน ณ สิ้นวันที่ 1 มี.ค. 2562' }).waitFor();
    const instant = await page.getByTestId('as-of-instant').innerText();
    expect(instant).toBe('2019-03-01T16:59:59.999Z');
    await plan.waitFor();
    const asOf = await apiGet<PlanJson>(`/api/v1/plans/${planId}?asOf=${instant}`);
    const now = await apiGet<PlanJson>(`/api/v1/plans/${planId}`);
    // The point really is another plan than today's: drafted, one project at its first budget.
    expect(asOf).toMatchObject({ status: 'drafting', edition: 0, revision: 2 });
    expect(now).toMatchObject({ status: 'amended', edition: 2, revision: 7 });
    expect(await shownPlan(plan)).toEqual(expectedPlan(asOf));
    expect(await shownPlan(plan)).not.toEqual(expectedPlan(now));
    expect(await plan.getByTestId('plan-approvals').innerText()).toBe('ยังไม่ได้รับความเห็นชอบ');
    expect(await page.getByTestId('as-of-event').innerText()).toBe(
      'รุ่นนี้เกิดจาก: เพิ่มกิจกรรม · 22 ก.พ. 2562 10:00 น. · คุณaudit.coord',
    );
    const slider = page.getByRole('slider');
    expect(await slider.getAttribute('aria-valuenow')).toBe('2');
    await expectAccessible(page, 'plan as of a day');
    await shoot(page, 'th', '42-audit-as-of-day');

    // The slider, by keyboard: one revision on is the budget revision, as the API folds it.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await plan.locator('[data-revision="3"]').waitFor();
    expect(await point.innerText()).toContain('แผน ณ รุ่นที่ 3 จากทั้งหมด 7');
    expect(await shownPlan(plan)).toEqual(expectedPlan(await apiGet<PlanJson>(`/api/v1/plans/${planId}?revision=3`)));
    expect(await plan.getByTestId('project-budget').innerText()).toBe('฿120,000.00');
    // The approved edition, and the previous revision by button.
    await page.getByTestId('revision-approval-1').click();
    await plan.locator('[data-revision="5"]').waitFor();
    const atApproval = await apiGet<PlanJson>(`/api/v1/plans/${planId}?revision=5`);
    expect(await shownPlan(plan)).toEqual(expectedPlan(atApproval));
    expect(await plan.getByTestId('plan-status').innerText()).toBe('อนุมัติแล้ว');
    expect(await plan.getByTestId('plan-approvals').innerText()).toBe('ฉบับที่ 1 ที่ประชุมครั้งที่ 1/2562 15 มี.ค. 2562');
    expect(await slider.getAttribute('aria-valuenow')).toBe('5');
    await shoot(page, 'th', '43-audit-as-of-revision');
    await page.getByTestId('revision-previous').click();
    await plan.locator('[data-revision="4"]').waitFor();
    expect(await plan.getByTestId('plan-status').innerText()).toBe('เสนอแล้ว');

    // Side by side: the approved edition against the plan now; the amendment's project marked as added.
    await page.getByRole('tab', { name: 'เปรียบเทียบสองรุ่น' }).click();
    const left = page.getByTestId('compare-before');
    const right = page.getByTestId('compare-after');
    await left.locator('[data-revision="5"]').waitFor();
    await right.locator('[data-revision="7"]').waitFor();
    const comparison = await apiGet<{
      added: Array<{ path: string }>;
      changed: Array<{ path: string }>;
      removed: Array<{ path: string }>;
    }>(`/api/v1/plans/${planId}/comparison?from=5&to=7`);
    const differences = page.getByTestId('difference');
    await differences.first().waitFor();
    expect(
      await differences.evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-kind')} ${e.getAttribute('data-path')}`),
      ),
    ).toEqual([
      ...comparison.added.map((c) => `added ${c.path}`),
      ...comparison.changed.map((c) => `changed ${c.path}`),
      ...comparison.removed.map((c) => `removed ${c.path}`),
    ]);
    expect(comparison.added.map((c) => c.path)).toContain(`projects[${projectB}]`);
    const added = right.locator(`[data-project-id="${projectB}"]`);
    expect(await added.getAttribute('class')).toContain('audit-mark-added');
    expect(await added.getByTestId('mark-added').innerText()).toBe('เพิ่มใหม่');
    expect(await left.locator(`[data-project-id="${projectB}"]`).count()).toBe(0);
    expect(await left.getByTestId('plan-status').innerText()).toContain('อนุมัติแล้ว');
    expect(await right.getByTestId('plan-status').innerText()).toContain('แก้ไขเพิ่มเติมแล้ว');
    expect(await right.getByTestId('plan-status').locator('mark').count()).toBe(1);
    expect(await differences.filter({ hasText: PROJECT_B }).first().innerText()).toContain('เพิ่มใหม่');
    await expectAccessible(page, 'two revisions side by side');
    await shoot(page, 'th', '44-audit-compare');

    // A day before the plan existed: said so, not an empty plan.
    await page.getByRole('tab', { name: 'แผน ณ วันหรือรุ่นที่เลือก' }).click();
    await page.goto(`${base}/#/audit/plans/${planId}/as-of?day=2019-02-01`);
    await page.getByTestId('as-of-error').filter({ hasText: 'ยังไม่มีแผนนี้ในวันที่เลือก' }).waitFor();
    expect(await page.getByTestId('as-of-plan').count()).toBe(0);
    expect(refused).toEqual([]);
  }, 180_000);

  it('reads the same screens in English, and at 768 px wide', async () => {
    const { page, refused } = await newPage();
    await signIn(page, 'audit.auditor');
    await page.getByTestId('language-switch').click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    await page.getByTestId('verification-state').filter({ hasText: 'Verified: the chain is intact' }).waitFor();
    expect(await page.getByTestId('chain-checked-at').innerText()).toMatch(
      /^\d{1,2} [A-Z][a-z]{2} 25\d\d BE,? \d\d:\d\d$/,
    );
    await expectAccessible(page, 'audit home, English');
    await shoot(page, 'en', '40-audit-home');

    await page.goto(`${base}/#/audit/plans/${planId}/history`);
    const revised = page.locator('[data-testid="history-entry"][data-type="ProjectBudgetRevised"]');
    await revised.waitFor();
    expect(await revised.locator('h3').innerText()).toBe('Project budget revised');
    expect(await revised.getByTestId('entry-time').innerText()).toMatch(/^5 Mar 2562 BE,? 10:00$/);
    expect(await revised.getByTestId('entry-actor').innerText()).toContain('(Provincial centre coordinator');
    expect(
      (
        await revised
          .locator(`tr[data-path="projects[${projectA}].requestedBudgetSatang"]`)
          .locator('th, td')
          .allInnerTexts()
      ).map((s) => s.trim()),
    ).toEqual([`Project «${sampleProject.titleTh}» › Requested budget`, '฿150,000.00', '฿120,000.00']);
    await expectAccessible(page, 'audit history, English');
    await shoot(page, 'en', '41-audit-history');

    await page.goto(`${base}/#/audit/plans/${planId}/as-of?day=2019-03-01`);
    const plan = page.getByTestId('as-of-plan');
    await plan.locator('[data-revision="2"]').waitFor();
    expect(await plan.getByTestId('plan-status').innerText()).toBe('Draft');
    expect(await page.getByTestId('as-of-day').inputValue()).toBe('1 Mar 2562 BE');
    await expectAccessible(page, 'plan as of a day, English');
    await shoot(page, 'en', '42-audit-as-of-day');
    await page.goto(`${base}/#/audit/plans/${planId}/as-of?revision=5`);
    await plan.locator('[data-revision="5"]').waitFor();
    await shoot(page, 'en', '43-audit-as-of-revision');

    await page.goto(`${base}/#/audit/plans/${planId}/compare?from=5&to=7`);
    await page.getByTestId('compare-after').locator('[data-revision="7"]').waitFor();
    await page.getByTestId('difference').first().waitFor();
    expect(await page.getByTestId('compare-after').getByTestId('mark-added').first().innerText()).toBe('Added');
    await expectAccessible(page, 'two revisions side by side, English');
    await shoot(page, 'en', '44-audit-compare');

    // At 768 px: nothing runs off the side.
    await page.setViewportSize({ width: 768, height: 900 });
    await page.goto(`${base}/#/audit/plans/${planId}/history`);
    await revised.waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    await shoot(page, 'en', '46-audit-history-768');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: `ตรวจสอบ: ${samplePlan.titleTh}`, level: 1 }).waitFor();
    await page.goto(`${base}/#/audit/plans/${planId}/compare?from=5&to=7`);
    await page.getByTestId('compare-after').locator('[data-revision="7"]').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    await shoot(page, 'th', '46-audit-compare-768');
    expect(refused).toEqual([]);
  }, 180_000);

  it('an agency officer, who may not read the history, has no audit entry and the API refuses the trail; the chair has one', async () => {
    const { page } = await newPage();
    await signIn(page, 'audit.officer');
    const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
    await nav.getByRole('link', { name: 'แผนปฏิบัติการ' }).waitFor();
    expect(await nav.getByRole('link', { name: 'ตรวจสอบ' }).count()).toBe(0);
    // Typed in by hand, the address leads nowhere near the trail.
    await page.goto(`${base}/#/audit/plans/${planId}/history`);
    await page.getByRole('heading', { name: 'แดชบอร์ด' }).first().waitFor();
    expect(await page.getByTestId('history').count()).toBe(0);
    const officer = { Authorization: `Bearer ${await api.token('agency_officer', 'audit.officer', 'IMM-SK')}` };
    for (const path of [
      `/api/v1/plans/${planId}/history`,
      `/api/v1/plans/${planId}?asOf=2019-03-01T00:00:00Z`,
      `/api/v1/plans/${planId}/comparison?from=0&to=1`,
      '/api/v1/audit/verification',
    ]) {
      const refused = await api.http.get(path).set(officer).expect(403);
      expect(refused.body.code).toBe('AUTH.NOT_PERMITTED');
    }

    // The chair may read the trail (without the user directory: usernames stand for people).
    const chair = await newPage();
    await signIn(chair.page, 'audit.chair');
    await chair.page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ตรวจสอบ' }).click();
    await chair.page.goto(`${base}/#/audit/plans/${planId}/history`);
    const approved = chair.page.locator('[data-testid="history-entry"][data-type="PlanApproved"]');
    await approved.waitFor();
    expect(await approved.getByTestId('entry-actor').innerText()).toBe(
      'โดย audit.chair (ประธานอนุกรรมการ, ศาลากลางจังหวัดสระแก้ว)',
    );
  }, 120_000);
});
