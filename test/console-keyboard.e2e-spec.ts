import { totpCodeAt } from '@ruamjai/identity';
import type { Page } from 'playwright-core';
import { consoleSuite, expectAccessible, shoot } from './support/console-session';

/**
 * The console without a mouse, and on a tablet: a coordinator signs in, drafts a plan and adds a
 * project with the keyboard alone (Tab, typing, arrows, Enter, Escape; no click, no fill), and every
 * screen of the console fits 768 px without running off the side. Real API, Debian's Chromium.
 */
describe('the console by keyboard alone, and at 768 px', () => {
  const suite = consoleSuite();
  let secret: string | undefined;
  const PASSWORD = 'แป้นพิมพ์อย่างเดียว-2562';
  const PLAN = 'แผนปฏิบัติการทดสอบการใช้แป้นพิมพ์ จังหวัดสระแก้ว 2562';
  const PROJECT = 'เฝ้าระวังการค้ามนุษย์ตามแนวชายแดนด้วยเครือข่ายชุมชน';

  beforeAll(async () => {
    secret = await suite.readyUser('keys.coord', 'coordinator', PASSWORD, 'PSDHS-SK');
  });
  const { pages } = suite;

  /** What has the keyboard's focus: its accessible label, text or placeholder, and its role. */
  const focused = (page: Page) =>
    // A string, run in the page: the tests' TypeScript has no DOM types.
    page.evaluate<{ name: string; role: string; tag: string }>(`(() => {
      const e = document.activeElement;
      if (!e) return { name: '', role: '', tag: '' };
      const labelled = e.getAttribute('aria-labelledby');
      const byLabels = e.labels ? [...e.labels].map((l) => l.textContent || '').join(' ') : '';
      const name = [e.getAttribute('aria-label') || '', labelled ? (document.getElementById(labelled.split(' ')[0])?.textContent || '') : '', byLabels, e.tagName === 'BUTTON' || e.tagName === 'A' ? (e.textContent || '') : ''].join(' ').trim();
      return { name, role: e.getAttribute('role') || '', tag: e.tagName };
    })()`);

  /** Presses Tab until the focus is on what `wanted` accepts; fails after `max` presses. */
  async function tabTo(
    page: Page,
    wanted: (f: { name: string; role: string; tag: string }) => boolean,
    what: string,
    max = 80,
  ): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (wanted(await focused(page))) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${what}; last focus: ${JSON.stringify(await focused(page))}`);
  }
  const named = (text: string) => (f: { name: string }) => f.name.includes(text);

  /**
   * An Ant Design select, by keyboard: ArrowDown opens its list and moves through the options until
   * the wanted one is active, Enter takes it; Escape closes a list that stays open (a multiple select).
   */
  async function pick(page: Page, label: string, options: string[]): Promise<void> {
    await tabTo(page, named(label), label);
    // Only a multiple select keeps its list open after Enter. Escape after a single select's Enter
    // could reach the dialog as the list closes, and close the dialog instead (seen on a busy machine).
    const multiple = await page.evaluate<boolean>("!!document.activeElement?.closest('.ant-select-multiple')");
    const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
    for (const option of options) {
      let found = false;
      for (let i = 0; i < 60 && !found; i++) {
        await page.keyboard.press('ArrowDown');
        found = (await active.count()) > 0 && (await active.first().innerText()).includes(option);
      }
      if (!found) throw new Error(`no option "${option}" in ${label}`);
      await page.keyboard.press('Enter');
    }
    if (multiple) await page.keyboard.press('Escape');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }

  it('a coordinator signs in, drafts a plan and adds a project with the keyboard alone, and the API has what was typed', async () => {
    const { page } = await pages.newPage({ height: 1400 });
    await page.goto(`${suite.base}/`);
    await page.getByLabel('ชื่อผู้ใช้').waitFor();
    // The username field has the focus when the page opens.
    expect((await focused(page)).name).toContain('ชื่อผู้ใช้');
    await page.keyboard.type('keys.coord');
    await tabTo(page, named('รหัสผ่าน'), 'the password');
    await page.keyboard.type(PASSWORD);
    await tabTo(page, named('รหัสยืนยัน'), 'the code');
    await page.keyboard.type(totpCodeAt(secret!, new Date()));
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-user').waitFor();
    await page.getByRole('heading', { name: 'แผนปฏิบัติการ', level: 1 }).waitFor();

    // The skip link comes first, then the menu.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toContain('ข้ามไปยังเนื้อหา');
    await tabTo(page, named('ร่างแผนใหม่'), 'the draft button');
    await page.keyboard.press('Enter');
    const draft = page.getByRole('dialog', { name: 'ร่างแผนปฏิบัติการใหม่' });
    await draft.waitFor();
    await tabTo(page, named('ปีงบประมาณ (พ.ศ.)'), 'the fiscal year');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2562');
    await tabTo(page, named('ชื่อแผน (ภาษาไทย)'), 'the Thai title');
    await page.keyboard.type(PLAN);
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.name.includes('ร่างแผน'), 'the draft button of the dialog');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    const planId = /#\/plans\/([0-9a-f-]{36})/.exec(page.url())![1];

    await tabTo(page, named('เพิ่มโครงการ'), 'the add-project button');
    await page.keyboard.press('Enter');
    const project = page.getByRole('dialog', { name: 'เพิ่มโครงการในแผน' });
    await project.waitFor();
    await tabTo(page, named('ชื่อโครงการ (ภาษาไทย)'), 'the project title');
    await page.keyboard.type(PROJECT);
    await pick(page, 'ยุทธศาสตร์', ['การป้องกัน']);
    await pick(page, 'อำเภอเป้าหมาย', ['อรัญประเทศ', 'ตาพระยา']);
    await pick(page, 'กลุ่มเป้าหมาย', ['แรงงานข้ามชาติ']);
    await pick(page, 'แหล่งงบประมาณ', ['งบประมาณจังหวัด']);
    await tabTo(page, named('งบประมาณที่ขอ (บาท)'), 'the budget');
    await page.keyboard.type('48,500.75');
    await project.getByText('= ฿48,500.75').waitFor();
    await shoot(page, 'th', '70-keyboard-add-project');
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.name.includes('บันทึก'), 'the save button');
    await page.keyboard.press('Enter');
    await project.waitFor({ state: 'hidden' });
    await page.getByTestId('tree-project').filter({ hasText: PROJECT }).waitFor();

    const plan = (await suite.api.http.get(`/api/v1/plans/${planId}`).set(suite.secretariat).expect(200)).body;
    expect({ fiscalYear: plan.fiscalYear, titleTh: plan.titleTh }).toEqual({ fiscalYear: 2562, titleTh: PLAN });
    expect(plan.projects).toHaveLength(1);
    expect(plan.projects[0]).toMatchObject({
      titleTh: PROJECT,
      strategy: 'prevention',
      leadAgencyCode: 'PSDHS-SK',
      targetGroups: ['migrant_workers'],
      requestedBudgetSatang: 4_850_075,
    });
    expect([...plan.projects[0].districtCodes].sort()).toEqual(['2703', '2706']);
  }, 300_000);

  it('every screen fits a tablet 768 px wide: nothing runs off the side, and each passes axe', async () => {
    const { page } = await pages.newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${suite.base}/`);
    await page.getByLabel('ชื่อผู้ใช้').fill('keys.coord');
    await page.getByLabel('รหัสผ่าน').fill(PASSWORD);
    await page.getByLabel('รหัสยืนยัน 6 หลักจากแอปยืนยันตัวตน').fill(totpCodeAt(secret!, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    // The plan the first test drafted: its workspace is one of the screens.
    const planId = (await suite.api.http.get('/api/v1/plans').set(suite.secretariat).expect(200)).body.plans[0]
      ?.planId as string | undefined;
    expect(planId).toBeDefined();
    const screens: Array<[string, string, () => Promise<unknown>]> = [
      ['#/plans', 'plans', () => page.getByRole('heading', { name: 'แผนปฏิบัติการ', level: 1 }).waitFor()],
      [`#/plans/${planId}`, 'plan', () => page.getByRole('heading', { level: 1, name: PLAN }).waitFor()],
      ['#/referrals', 'referrals', () => page.getByRole('heading', { name: 'การส่งต่อ', level: 1 }).waitFor()],
      ['#/cases', 'cases', () => page.getByRole('heading', { name: 'กรณี', level: 1 }).waitFor()],
      ['#/dashboard', 'dashboard', () => page.getByTestId('case-figures').getByTestId('cases-total').waitFor()],
      ['#/audit', 'audit', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
      ['#/users', 'users', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
      ['#/settings/notifications', 'settings', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
    ];
    const wide: string[] = [];
    const inaccessible: string[] = [];
    for (const [hash, name, ready] of screens) {
      await page.goto(`${suite.base}/${hash}`);
      await ready();
      await page.waitForTimeout(300);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > 768) wide.push(`${name}: ${width} px`);
      await shoot(page, 'th', `71-tablet-${name}`);
      try {
        await expectAccessible(page, `${name} at 768 px`);
      } catch (error) {
        inaccessible.push(String(error instanceof Error ? error.message : error));
      }
    }
    expect(wide).toEqual([]);
    expect(inaccessible).toEqual([]);
  }, 300_000);
});
