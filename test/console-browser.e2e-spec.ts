import { totpCodeAt } from '@ruamjai/identity';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import {
  BrowserPages,
  expectAccessible,
  readyUser as readyUserThroughApi,
  serveConsole,
  shoot,
  submitSignIn,
} from './support/console-session';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

/** Browser tests of the console: real API, real Chromium from Debian, driven by Playwright. */
describe('the console in a browser', () => {
  let api: ApiHarness;
  let browser: Browser;
  let base: string;
  let secretariat: string;

  beforeAll(async () => {
    api = await startApi({ SIGN_IN_MAX_FAILURES: '3', READ_YOUR_WRITES_TIMEOUT_MS: '30000' });
    base = await serveConsole(api);
    browser = await launchChromium();
    secretariat = await api.token('coordinator', 'somchai', 'PSDHS-SK');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function addUser(username: string, role: string, agency = 'PSDHS-SK'): Promise<string> {
    const res = await api.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ username, displayName: `คุณ${username}`, role, agency });
    if (res.status !== 201) throw new Error(`adding ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.oneTimePassword as string;
  }

  /** A person of the provincial office who has already been through the first sign-in (through the API). */
  const readyUser = (username: string, role: string, password: string) =>
    readyUserThroughApi(api, `Bearer ${secretariat}`, { username, role, password, agency: 'PSDHS-SK' });

  const pages = new BrowserPages(() => browser);
  afterEach(() => pages.closeAll());
  const newPage = () => pages.newPage();
  const signIn = (page: Page, username: string, password: string, secret?: string) =>
    submitSignIn(page, base, username, password, secret);

  it('a new coordinator signs in for the first time: one-time password, a new password, then the authenticator code', async () => {
    const oneTime = await addUser('malee', 'coordinator');
    const { context, page } = await newPage();
    await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
    await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบ' }).isVisible()).resolves.toBe(true);
    await shoot(page, 'th', '01-sign-in');
    await expectAccessible(page, 'sign-in');
    await signIn(page, 'malee', oneTime);

    await page.getByRole('heading', { name: 'ตั้งรหัสผ่านใหม่' }).waitFor();
    await shoot(page, 'th', '02-password-change');
    await expectAccessible(page, 'password change');
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('สั้น');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill('สั้น');
    await page.getByRole('button', { name: 'บันทึกรหัสผ่านใหม่' }).click();
    await page.getByText('รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร').first().waitFor();
    await page.getByLabel('รหัสผ่านใหม่', { exact: true }).fill('ร่วมใจสระแก้ว-2562');
    await page.getByLabel('ยืนยันรหัสผ่านใหม่').fill('ร่วมใจสระแก้ว-2562');
    await page.getByRole('button', { name: 'บันทึกรหัสผ่านใหม่' }).click();

    await page.getByRole('heading', { name: 'ตั้งค่าการยืนยันตัวตนสองขั้นตอน' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shoot(page, 'th', '03-second-factor');
    await expectAccessible(page, 'second factor');
    await page.getByLabel('รหัสยืนยัน 6 หลักจากแอปยืนยันตัวตน').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'ยืนยันและเข้าสู่ระบบ' }).click();

    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('คุณmalee');
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('ผู้ประสานงานศูนย์ฯ จังหวัด');
    await context.close();
  }, 300_000);

  it('signs in with password and TOTP, and signing out revokes the session at once', async () => {
    const secret = await readyUser('officer.b', 'agency_officer', 'ด่านอรัญประเทศ-2562');
    const { context, page } = await newPage();
    const tokens: string[] = [];
    page.on('request', (request) => {
      const header = request.headers().authorization;
      if (header?.startsWith('Bearer ')) tokens.push(header.slice(7));
    });
    await signIn(page, 'officer.b', 'ด่านอรัญประเทศ-2562', secret);
    await page.getByTestId('signed-in-user').waitFor();
    await page.getByRole('heading', { name: 'แผนปฏิบัติการ' }).waitFor();
    const token = tokens.at(-1)!;
    expect((await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    // A reload keeps the session through the refresh cookie.
    await page.reload();
    await page.getByTestId('signed-in-user').waitFor();

    await page.getByTestId('sign-out').click();
    await page.getByRole('heading', { name: 'เข้าสู่ระบบ' }).waitFor();
    const after = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH.SESSION_REVOKED');
    await page.reload();
    await page.getByRole('heading', { name: 'เข้าสู่ระบบ' }).waitFor();
    await context.close();
  }, 300_000);

  it('locks the account after repeated failures and says so in Thai', async () => {
    await readyUser('viewer.lock', 'viewer', 'รหัสผ่านที่ถูกต้อง-1');
    const { context, page } = await newPage();
    for (let i = 0; i < 3; i++) {
      await signIn(page, 'viewer.lock', 'รหัสผิด-ลองเดา');
      await page.getByRole('alert').waitFor();
    }
    await page.getByRole('alert').filter({ hasText: 'ถูกล็อกชั่วคราว' }).waitFor();
    await shoot(page, 'th', '04-locked-out');
    await signIn(page, 'viewer.lock', 'รหัสผ่านที่ถูกต้อง-1');
    await page.getByRole('alert').filter({ hasText: 'ถูกล็อกชั่วคราว' }).waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    await context.close();
  }, 300_000);

  it('shows the plans, a plan tree and the fiscal-year dashboard with the API’s numbers, in Thai and in English, accessibly', async () => {
    const drafted = await api.http.post('/api/v1/plans').set('Authorization', `Bearer ${secretariat}`).send(samplePlan);
    const planId = drafted.body.planId as string;
    const added = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set('Authorization', `Bearer ${secretariat}`)
      .set('If-Match', '"0"')
      .send({ ...sampleProject, strategy: 'prevention' });
    expect(added.status).toBe(201);
    const dashboard = await api.http
      .get(`/api/v1/dashboards/fiscal-years/2562?minPosition=${added.body.position}`)
      .set('Authorization', `Bearer ${secretariat}`);
    expect(dashboard.body.totals.budgetSatang).toBe(15_000_000);

    const secret = await readyUser('coord.two', 'coordinator', 'เลขานุการจังหวัด-2562');
    const { context, page } = await newPage();
    await signIn(page, 'coord.two', 'เลขานุการจังหวัด-2562', secret);
    await page.getByRole('link', { name: samplePlan.titleTh }).waitFor();
    await shoot(page, 'th', '05-plans');
    // The menu, the bell, who is signed in (with the province) and the buttons share one row at 1280 px.
    expect((await page.locator('.app-header').boundingBox())?.height).toBeLessThanOrEqual(64);
    await expectAccessible(page, 'plans');

    await page.getByRole('link', { name: samplePlan.titleTh }).click();
    await page.getByText(sampleProject.titleTh).waitFor();
    expect(await page.getByText('การป้องกัน', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('#main').innerText()).toContain('฿150,000.00');
    await shoot(page, 'th', '06-plan');
    await expectAccessible(page, 'plan');

    await page.getByRole('link', { name: 'แดชบอร์ด' }).click();
    await page.getByTestId('fiscal-year-dashboard').waitFor();
    const budget = await page.getByTestId('fiscal-year-dashboard').locator('.ant-statistic').first().innerText();
    expect(budget).toContain('งบประมาณตามแผน');
    expect(budget).toContain('฿150,000.00');
    expect(await page.getByText('ปีงบประมาณ 2562').count()).toBeGreaterThan(0);
    await shoot(page, 'th', '07-dashboard');
    await expectAccessible(page, 'dashboard');

    await page.getByRole('link', { name: 'ผู้ใช้งาน' }).click();
    await page.getByRole('heading', { name: 'ผู้ใช้งานของศูนย์' }).waitFor();
    await page.getByRole('cell', { name: 'coord.two', exact: true }).waitFor();
    await shoot(page, 'th', '08-users');
    await expectAccessible(page, 'users');

    // English, every screen again.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: "The centre's users" }).waitFor();
    await shoot(page, 'en', '08-users');
    await page.getByRole('link', { name: 'Dashboards' }).click();
    await page.getByTestId('fiscal-year-dashboard').waitFor();
    expect(await page.getByTestId('fiscal-year-dashboard').locator('.ant-statistic').first().innerText()).toContain(
      '฿150,000.00',
    );
    await shoot(page, 'en', '07-dashboard');
    await expectAccessible(page, 'dashboard (en)');
    await page.getByRole('link', { name: 'Action plans' }).click();
    await page.getByRole('link', { name: samplePlan.titleTh }).click();
    await page.getByText('Prevention', { exact: true }).first().waitFor();
    await shoot(page, 'en', '06-plan');
    await page.getByRole('link', { name: 'Back to the plans' }).click();
    await shoot(page, 'en', '05-plans');
    expect((await page.locator('.app-header').boundingBox())?.height).toBeLessThanOrEqual(64);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shoot(page, 'en', '01-sign-in');
    await expectAccessible(page, 'sign-in (en)');
    await context.close();
  }, 300_000);

  it('updates the plan list live, without a reload, when a plan is drafted elsewhere', async () => {
    const secret = await readyUser('coord.live', 'coordinator', 'เลขานุการสด-25620');
    const { context, page } = await newPage();
    await signIn(page, 'coord.live', 'เลขานุการสด-25620', secret);
    await page.getByRole('heading', { name: 'แผนปฏิบัติการ' }).waitFor();
    await page.getByText('อัปเดตอัตโนมัติ').waitFor();
    await page.waitForTimeout(500);
    const title = 'แผนปฏิบัติการ จังหวัดสระแก้ว ประจำปี 2563 (ทดสอบสด)';
    await api.http
      .post('/api/v1/plans')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ ...samplePlan, fiscalYear: 2563, titleTh: title });
    await page.getByRole('link', { name: title }).waitFor({ timeout: 15_000 });
    await context.close();
  }, 300_000);
  it('two people edit the same project: the second gets the 412 dialog showing what changed, re-applies, and nothing is lost', async () => {
    const title = 'แผนปฏิบัติการ จังหวัดสระแก้ว ประจำปี 2564 (แก้ไขพร้อมกัน)';
    const drafted = await api.http
      .post('/api/v1/plans')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ ...samplePlan, fiscalYear: 2564, titleTh: title });
    const planId = drafted.body.planId as string;
    const added = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set('Authorization', `Bearer ${secretariat}`)
      .set('If-Match', '"0"')
      .send(sampleProject);
    expect(added.status).toBe(201);
    const projectId = added.body.projectId as string;
    const [secretA, secretB] = [
      await readyUser('coord.a', 'coordinator', 'เลขานุการคนแรก-2564'),
      await readyUser('coord.b', 'coordinator', 'เลขานุการคนที่สอง-2564'),
    ];

    /** Signs in, opens the plan and the project's edit form: both forms start from revision 1. */
    const openForm = async (username: string, password: string, secret?: string) => {
      const { page } = await newPage();
      await signIn(page, username, password, secret);
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('button', { name: `แก้ไขโครงการ ${sampleProject.titleTh}` }).click();
      await page.getByRole('dialog', { name: 'แก้ไขข้อมูลโครงการ' }).waitFor();
      return page;
    };
    const first = await openForm('coord.a', 'เลขานุการคนแรก-2564', secretA);
    const second = await openForm('coord.b', 'เลขานุการคนที่สอง-2564', secretB);
    await shoot(first, 'th', '09-project-edit');
    await expectAccessible(first, 'project edit');

    // B saves first: an English title.
    const english = 'Hearts together against trafficking of children, women and families in Sa Kaeo';
    await second.getByLabel('ชื่อโครงการ (ภาษาอังกฤษ)').fill(english);
    await second.getByRole('button', { name: 'บันทึก' }).click();
    await second.getByRole('dialog', { name: 'แก้ไขข้อมูลโครงการ' }).waitFor({ state: 'hidden' });

    // A, still on revision 1, changes the Thai title: refused with 412, shown what B changed.
    const thai = 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ จังหวัดสระแก้ว (ปรับชื่อ)';
    await first.getByLabel('ชื่อโครงการ (ภาษาไทย)').fill(thai);
    await first.getByRole('button', { name: 'บันทึก' }).click();
    const dialog = first.getByTestId('conflict-dialog');
    await dialog.waitFor();
    // B's change (now) and A's own (what A typed), each on its row; the strategy nobody touched is not listed.
    const theirs = await dialog.getByRole('row', { name: /ชื่อโครงการ \(ภาษาอังกฤษ\)/ }).innerText();
    expect(theirs).toContain(english);
    expect(theirs).toContain('ไม่เปลี่ยน');
    const mine = await dialog.getByRole('row', { name: /ชื่อโครงการ \(ภาษาไทย\)/ }).innerText();
    expect(mine).toContain(sampleProject.titleTh);
    expect(mine).toContain(thai);
    expect(await dialog.getByRole('row', { name: /ยุทธศาสตร์/ }).count()).toBe(0);
    await shoot(first, 'th', '10-conflict');
    await expectAccessible(first, 'conflict dialog');
    // Nothing of A's was sent yet, and A's typing is still in the form.
    expect(await first.getByLabel('ชื่อโครงการ (ภาษาไทย)').inputValue()).toBe(thai);

    await first.getByRole('button', { name: 'ส่งการแก้ไขของฉันอีกครั้ง' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await first.getByRole('dialog', { name: 'แก้ไขข้อมูลโครงการ' }).waitFor({ state: 'hidden' });
    await first.getByText(thai).first().waitFor();

    // Both edits stand: B's English title and A's Thai title, at revision 3.
    const plan = await api.http.get(`/api/v1/plans/${planId}?revision=3`).set('Authorization', `Bearer ${secretariat}`);
    expect(plan.status).toBe(200);
    expect(plan.body.projects.find((p: { projectId: string }) => p.projectId === projectId)).toMatchObject({
      titleTh: thai,
      titleEn: english,
      strategy: 'protection',
    });
    const history = await api.http.get(`/api/v1/plans/${planId}/history`).set('Authorization', `Bearer ${secretariat}`);
    const changes = history.body.events.filter((e: { type: string }) => e.type === 'ProjectChanged');
    expect(changes.map((e: { actor: string }) => e.actor)).toEqual(['coord.b', 'coord.a']);
  }, 300_000);
  it('the secretariat adds an activity, a KPI and a budget line from the plan tree, checked as typed; the API holds exactly that (baht to satang)', async () => {
    const title = 'แผนปฏิบัติการ จังหวัดสระแก้ว ประจำปี 2565 (เพิ่มรายการ)';
    const drafted = await api.http
      .post('/api/v1/plans')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ ...samplePlan, fiscalYear: 2565, titleTh: title });
    const planId = drafted.body.planId as string;
    const added = await api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set('Authorization', `Bearer ${secretariat}`)
      .set('If-Match', '"0"')
      .send(sampleProject);
    expect(added.status).toBe(201);
    const secret = await readyUser('coord.add', 'coordinator', 'เลขานุการเพิ่มรายการ-2565');
    const { page } = await newPage();
    await signIn(page, 'coord.add', 'เลขานุการเพิ่มรายการ-2565', secret);
    await page.getByRole('link', { name: title }).click();
    const project = sampleProject.titleTh;

    // An activity: the district and the dates (typed in the Buddhist era) are checked in the browser before anything is sent.
    await page.getByRole('button', { name: `เพิ่มกิจกรรมในโครงการ ${project}` }).click();
    const activity = page.getByRole('dialog', { name: 'เพิ่มกิจกรรม' });
    await activity.waitFor();
    await activity.getByLabel('ชื่อกิจกรรม', { exact: true }).fill('อบรมแกนนำเฝ้าระวังในชุมชนชายแดน');
    await activity.getByLabel('วันเริ่มต้น (พ.ศ.)').fill('2022-01-10');
    await activity.getByLabel('วันสิ้นสุด (พ.ศ.)').fill('11/01/2565');
    await activity.getByLabel('สตรี', { exact: true }).fill('40');
    await activity.getByRole('button', { name: 'บันทึก' }).click();
    await activity.getByText('กรุณากรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 15/03/2562').waitFor();
    await activity.locator('.ant-form-item-explain-error').filter({ hasText: 'กรุณากรอกข้อมูลนี้' }).first().waitFor();
    await shoot(page, 'th', '11-add-activity');
    await expectAccessible(page, 'add activity');
    // The district list is searched as typed; Enter takes the one match.
    await activity.getByLabel('อำเภอ', { exact: true }).fill('อรัญ');
    await activity.getByLabel('อำเภอ', { exact: true }).press('Enter');
    await activity.locator('.ant-select-content').filter({ hasText: 'อรัญประเทศ' }).waitFor();
    await activity.getByLabel('วันเริ่มต้น (พ.ศ.)').fill('10/01/2565');
    await activity.getByRole('button', { name: 'บันทึก' }).click();
    await activity.waitFor({ state: 'hidden' });

    // A KPI.
    await page.getByRole('button', { name: `เพิ่มตัวชี้วัดในโครงการ ${project}` }).click();
    const kpi = page.getByRole('dialog', { name: 'เพิ่มตัวชี้วัด' });
    await kpi.getByLabel('ตัวชี้วัด', { exact: true }).fill('จำนวนแกนนำที่ผ่านการอบรม');
    await kpi.getByLabel('หน่วยนับ').fill('คน');
    await kpi.getByLabel('ค่าเป้าหมาย').fill('50');
    await kpi.getByRole('button', { name: 'บันทึก' }).click();
    await kpi.waitFor({ state: 'hidden' });

    // A budget line of 25,000.50 baht.
    await page.getByRole('button', { name: `เพิ่มรายการงบประมาณในโครงการ ${project}` }).click();
    const line = page.getByRole('dialog', { name: 'เพิ่มรายการงบประมาณ' });
    await line.getByLabel('จำนวนเงิน (บาท)').fill('25000.50');
    await line.getByLabel('รายละเอียดรายการ').fill('ค่าอาหารและอาหารว่าง');
    await line.getByRole('button', { name: 'บันทึก' }).click();
    await line.waitFor({ state: 'hidden' });
    const plan = await api.http.get(`/api/v1/plans/${planId}?revision=4`).set('Authorization', `Bearer ${secretariat}`);
    expect(plan.status).toBe(200);
    const p = plan.body.projects[0];
    expect(p.activities).toEqual([
      expect.objectContaining({
        titleTh: 'อบรมแกนนำเฝ้าระวังในชุมชนชายแดน',
        districtCode: '2706',
        startDate: '2022-01-10',
        endDate: '2022-01-11',
      }),
    ]);
    expect(p.kpis).toEqual([
      expect.objectContaining({ descriptionTh: 'จำนวนแกนนำที่ผ่านการอบรม', unit: 'คน', target: 50 }),
    ]);
    // Beside the line the project opened with (its requested budget from the Fund).
    expect(p.budgetLines).toEqual([
      expect.objectContaining({ fundingSource: 'anti_trafficking_fund', amountSatang: 15_000_000 }),
      expect.objectContaining({
        fundingSource: 'provincial_budget',
        amountSatang: 2_500_050,
        descriptionTh: 'ค่าอาหารและอาหารว่าง',
      }),
    ]);
    // The open plan follows without a reload: its revision is the fourth.
    await page
      .locator('.ant-descriptions-item')
      .filter({ hasText: /รุ่นที่\s*:?\s*4$/ })
      .waitFor();
  }, 300_000);
});
