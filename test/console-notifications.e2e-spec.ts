import type { Page } from 'playwright-core';
import { samplePlan, sampleProject } from './support/api-harness';
import { consoleSuite, expectAccessible, shoot } from './support/console-session';

/**
 * The bell and the notification settings in a browser: real API (the notifier embedded, polling the
 * log every 50 ms), real Chromium from Debian, driven by Playwright, the way the console's own
 * browser suite does it.
 */
describe('notifications in the console', () => {
  const suite = consoleSuite({ env: { NOTIFY_POLL_MS: '50' } });
  const { readyUser, signIn } = suite;
  const newPage = (): Promise<Page> => suite.newPage();

  /** A case found on the hotline and a referral of it to the immigration checkpoint, through the API. */
  async function referToImmigration(): Promise<string> {
    const made = await suite.api.http
      .post('/api/v1/cases')
      .set(suite.secretariat)
      .send({
        source: 'hotline_1300',
        districtCode: '2706',
        foundOn: '2019-05-01',
        ageGroup: 'adult',
        person: { givenName: 'Fictional Person' },
      });
    expect(made.status).toBe(201);
    const sent = await suite.api.http.post('/api/v1/referrals').set(suite.secretariat).send({
      caseId: made.body.caseId,
      toAgency: 'IMM-SK',
      service: 'legal_aid',
      urgency: 'urgent',
      sharesPersonalData: false,
    });
    expect(sent.status).toBe(201);
    return sent.body.referralId as string;
  }

  const bell = (page: Page) => page.getByTestId('bell');
  const badgeCount = (page: Page) => bell(page).locator('.ant-badge-count');
  const THAI_TIME = /\d{1,2} [ก-๙]+\.[ก-๙]+\. 25\d\d \d\d:\d\d น\./;

  it('a referral to the officer’s agency rings the bell live; opening it shows the Thai subject; a click marks it read and opens the referral; in English too', async () => {
    const secret = await readyUser('officer.bell', 'agency_officer', 'ด่านตรวจคนเข้าเมือง-2562', 'IMM-SK');
    const page = await newPage();
    await signIn(page, 'officer.bell', 'ด่านตรวจคนเข้าเมือง-2562', secret);
    await page.getByRole('button', { name: 'การแจ้งเตือน ไม่มีรายการที่ยังไม่อ่าน' }).waitFor();
    expect(await badgeCount(page).count()).toBe(0);

    // Through the API, elsewhere: the page is not reloaded, and the 30 s fallback is far off.
    const sentAt = Date.now();
    const referralId = await referToImmigration();
    await page.getByRole('button', { name: 'การแจ้งเตือน 1 รายการที่ยังไม่อ่าน' }).waitFor({ timeout: 20_000 });
    const rang = Date.now() - sentAt;
    expect(await badgeCount(page).getAttribute('title')).toBe('1');

    await bell(page).click();
    const panel = page.getByTestId('bell-panel');
    await panel.waitFor();
    const item = panel.getByTestId('bell-item');
    expect(await item.count()).toBe(1);
    const text = await item.innerText();
    expect(text).toContain(`มีการส่งต่อเรื่องถึงหน่วยงานของท่าน (${referralId.slice(0, 8)})`);
    expect(text).toMatch(THAI_TIME);
    expect(await item.getAttribute('class')).toContain('bell-unread');
    await shoot(page, 'th', '12-bell-open');
    await expectAccessible(page, 'bell open');

    // A referral has its own screen: the notice opens it (no dialog), and it is read.
    await item.click();
    await page.getByRole('heading', { name: `การส่งต่อ ${referralId.slice(0, 8)}`, level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/referrals/${referralId}`);
    expect(await page.getByTestId('notice-dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'การแจ้งเตือน ไม่มีรายการที่ยังไม่อ่าน' }).waitFor();
    // Hidden at 0 (once the badge's zoom-out has run).
    await badgeCount(page).waitFor({ state: 'detached', timeout: 5_000 });
    const officer = { Authorization: `Bearer ${await suite.api.token('agency_officer', 'officer.bell', 'IMM-SK')}` };
    const inbox = await suite.api.http.get('/api/v1/me/notifications').set(officer).expect(200);
    expect(inbox.body.unread).toBe(0);
    expect(inbox.body.items[0].readAt).not.toBeNull();

    // In English: a second referral, the English subject and Bangkok time, then "Mark all read".
    await page.getByTestId('language-switch').click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    const second = await referToImmigration();
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 20_000 });
    await bell(page).click();
    await panel.waitFor();
    const first = panel.getByTestId('bell-item').first();
    expect(await first.innerText()).toContain(`A referral arrived for your agency (${second.slice(0, 8)})`);
    expect(await first.innerText()).toMatch(/\d{1,2} [A-Z][a-z]{2,3} 20\d\d, \d\d:\d\d Bangkok time/);
    expect(await panel.getByTestId('bell-item').count()).toBe(2);
    await shoot(page, 'en', '12-bell-open');
    await expectAccessible(page, 'bell open (en)');
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    // The bell answers when its request is sent; the server's count is read once the marking is stored.
    const unread = async () =>
      (await suite.api.http.get('/api/v1/me/notifications').set(officer).expect(200)).body.unread as number;
    for (let i = 0; i < 50 && (await unread()) !== 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await unread()).toBe(0);
    process.stdout.write(`bell rang ${rang} ms after the referral was sent\n`);
  }, 300_000);

  it('an auditor’s access to a case reaches the owning agency’s bell and opens the case; a viewer of the same agency hears nothing of it', async () => {
    const coordSecret = await readyUser('coord.bell', 'coordinator', 'เลขานุการแจ้งเตือน-2562', 'PSDHS-SK');
    await readyUser('viewer.bell', 'viewer', 'ผู้ดูแจ้งเตือน-2562', 'PSDHS-SK');
    const coord = await newPage();
    await signIn(coord, 'coord.bell', 'เลขานุการแจ้งเตือน-2562', coordSecret);
    const viewer = await newPage();
    await signIn(viewer, 'viewer.bell', 'ผู้ดูแจ้งเตือน-2562');
    const made = await suite.api.http
      .post('/api/v1/cases')
      .set(suite.secretariat)
      .send({
        source: 'hotline_1300',
        districtCode: '2706',
        foundOn: '2019-05-01',
        ageGroup: 'adult',
        person: { givenName: 'Fictional Person' },
      });
    expect(made.status).toBe(201);
    const caseId = made.body.caseId as string;
    const auditor = { Authorization: `Bearer ${await suite.api.token('auditor', 'auditor.bell', 'OAG')}` };
    await suite.api.http
      .post(`/api/v1/cases/${caseId}/personal-data-access-grants`)
      .set(auditor)
      .send({ reason: 'ตรวจสอบข้อร้องเรียนเลขที่ 7/2562' })
      .expect(201);

    await coord.getByRole('button', { name: 'การแจ้งเตือน 1 รายการที่ยังไม่อ่าน' }).waitFor({ timeout: 20_000 });
    await bell(coord).click();
    const item = coord.getByTestId('bell-item');
    expect(await item.innerText()).toContain('มีการให้สิทธิ์ผู้ตรวจสอบเข้าถึงข้อมูลส่วนบุคคลในกรณีของหน่วยงาน');
    await item.click();
    // The case has its screen: the notice opens it, not a dialog.
    await coord.getByRole('heading', { name: `กรณี ${caseId.slice(0, 8)}`, level: 1 }).waitFor();
    expect(new URL(coord.url()).hash).toBe(`#/cases/${caseId}`);
    expect(await coord.getByTestId('notice-dialog').count()).toBe(0);

    // The same agency's viewer, who may not read cases, was not told of this one: the coordinator's notice was delivered, theirs never planned.
    const inbox = (
      await suite.api.http
        .get('/api/v1/me/notifications')
        .set({ Authorization: `Bearer ${await suite.api.token('viewer', 'viewer.bell', 'PSDHS-SK')}` })
        .expect(200)
    ).body;
    expect(inbox.items.filter((n: { link: string }) => n.link === `/cases/${caseId}`)).toEqual([]);
    await viewer.getByRole('button', { name: 'การแจ้งเตือน ไม่มีรายการที่ยังไม่อ่าน' }).waitFor();
  }, 300_000);

  it('a plan submitted for approval reaches the chair’s bell, and the notice opens the plan', async () => {
    await readyUser('chair.bell', 'chair', 'ประธานอนุกรรมการ-2562', 'PROV-SK');
    const page = await newPage();
    await signIn(page, 'chair.bell', 'ประธานอนุกรรมการ-2562');
    const title = 'แผนปฏิบัติการ จังหวัดสระแก้ว ประจำปี 2566 (แจ้งเตือน)';
    const drafted = await suite.api.http
      .post('/api/v1/plans')
      .set(suite.secretariat)
      .send({ ...samplePlan, fiscalYear: 2566, titleTh: title });
    const planId = drafted.body.planId as string;
    await suite.api.http
      .post(`/api/v1/plans/${planId}/projects`)
      .set(suite.secretariat)
      .set('If-Match', '"0"')
      .send(sampleProject)
      .expect(201);
    await suite.api.http
      .post(`/api/v1/plans/${planId}/submission`)
      .set(suite.secretariat)
      .set('If-Match', '"1"')
      .expect(201);

    await page.getByRole('button', { name: 'การแจ้งเตือน 1 รายการที่ยังไม่อ่าน' }).waitFor({ timeout: 20_000 });
    // By keyboard: Enter opens the list, Tab reaches the notices after the bell, Escape closes it and gives focus back.
    await bell(page).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('bell-panel').waitFor();
    expect(await bell(page).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.locator('*:focus').getAttribute('data-testid')).toBe('bell-item');
    await page.keyboard.press('Escape');
    await page.getByTestId('bell-panel').waitFor({ state: 'hidden' });
    expect(await page.locator('*:focus').getAttribute('data-testid')).toBe('bell');
    await bell(page).click();
    const item = page.getByTestId('bell-item');
    expect(await item.innerText()).toContain('แผนเสนอขอความเห็นชอบ');
    await item.click();
    await page.getByRole('heading', { name: title }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/plans/${planId}`);
    await page.getByRole('button', { name: 'การแจ้งเตือน ไม่มีรายการที่ยังไม่อ่าน' }).waitFor();
  }, 300_000);

  it('the settings page saves a work e-mail and the daily digest with If-Match, keeps them across a reload, and shows the 412 dialog when they changed meanwhile', async () => {
    const secret = await readyUser('officer.prefs', 'agency_officer', 'ตั้งค่าการแจ้งเตือน-2562', 'IMM-SK');
    const page = await newPage();
    await signIn(page, 'officer.prefs', 'ตั้งค่าการแจ้งเตือน-2562', secret);
    // From the bell's footer; nothing has reached this person yet.
    await bell(page).click();
    await page.getByTestId('bell-panel').getByText('ยังไม่มีการแจ้งเตือน').waitFor();
    await shoot(page, 'th', '16-bell-empty');
    await expectAccessible(page, 'bell empty');
    await page.getByRole('link', { name: 'ตั้งค่าการแจ้งเตือน' }).click();
    await page.getByRole('heading', { name: 'การแจ้งเตือน', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/settings/notifications');
    const bellSwitch = page.getByRole('switch', { name: 'แจ้งเตือนในระบบ (กระดิ่ง)' });
    const email = page.getByLabel('อีเมลที่ทำงาน (ไม่บังคับ)');
    const digest = page.getByRole('switch', { name: 'สรุปรายวันทางอีเมล' });
    expect(await bellSwitch.getAttribute('aria-checked')).toBe('true');
    expect(await email.inputValue()).toBe('');
    // No address, no digest.
    expect(await digest.isDisabled()).toBe(true);
    await page.getByText('ส่งสรุปวันละครั้ง เวลา 07:00 น.').waitFor();

    // A typo is caught before anything is sent.
    await email.fill('prefs.officer');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByText('ที่อยู่อีเมลไม่ถูกต้อง เช่น malee@imm.sakaeo.go.th').waitFor();
    await email.fill('Prefs.Officer@IMM.Sakaeo.example');
    expect(await digest.isDisabled()).toBe(false);
    await digest.click();
    await page.getByRole('button', { name: 'บันทึก' }).click();
    await page.getByTestId('settings-outcome').filter({ hasText: 'บันทึกการตั้งค่าการแจ้งเตือนแล้ว' }).waitFor();
    const saved = await suite.api.http
      .get('/api/v1/users/officer.prefs/notification-preferences')
      .set(suite.secretariat)
      .expect(200);
    expect(saved.body).toMatchObject({ inConsole: true, email: 'prefs.officer@imm.sakaeo.example', dailyDigest: true });
    await shoot(page, 'th', '14-notification-settings');
    await expectAccessible(page, 'notification settings');

    await page.reload();
    await page.getByRole('heading', { name: 'การแจ้งเตือน', level: 1 }).waitFor();
    expect(await email.inputValue()).toBe('prefs.officer@imm.sakaeo.example');
    expect(await digest.getAttribute('aria-checked')).toBe('true');

    // The suite.secretariat turns the bell off meanwhile; this page, opened before, changes the address.
    await suite.api.http
      .put('/api/v1/users/officer.prefs/notification-preferences')
      .set(suite.secretariat)
      .set('If-Match', saved.headers.etag)
      .send({ inConsole: false, email: 'prefs.officer@imm.sakaeo.example', dailyDigest: true })
      .expect(200);
    await email.fill('border.desk@imm.sakaeo.example');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    const conflict = page.getByTestId('conflict-dialog');
    await conflict.waitFor();
    const theirs = await conflict.getByRole('row', { name: /แจ้งเตือนในระบบ/ }).innerText();
    expect(theirs).toContain('ปิด');
    const mine = await conflict.getByRole('row', { name: /อีเมลที่ทำงาน/ }).innerText();
    expect(mine).toContain('border.desk@imm.sakaeo.example');
    await shoot(page, 'th', '15-settings-conflict');
    await expectAccessible(page, 'settings conflict');
    await page.getByRole('button', { name: 'ส่งการแก้ไขของฉันอีกครั้ง' }).click();
    await conflict.waitFor({ state: 'hidden' });
    await page.getByTestId('settings-outcome').filter({ hasText: 'บันทึกการตั้งค่าการแจ้งเตือนแล้ว' }).waitFor();
    // Both stand: the suite.secretariat's bell off, the person's new address.
    const both = await suite.api.http
      .get('/api/v1/users/officer.prefs/notification-preferences')
      .set(suite.secretariat)
      .expect(200);
    expect(both.body).toMatchObject({ inConsole: false, email: 'border.desk@imm.sakaeo.example', dailyDigest: true });
    expect(await bellSwitch.getAttribute('aria-checked')).toBe('false');

    // In English.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByText('One e-mail a day at 07:00 Bangkok time').waitFor();
    await shoot(page, 'en', '14-notification-settings');
    await expectAccessible(page, 'notification settings (en)');
  }, 300_000);
});
