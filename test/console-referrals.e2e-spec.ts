import { CommandRunner, EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import { agencyDecider, agencyStreamId } from '@ruamjai/planning';
import type { Page } from 'playwright-core';
import { consoleSuite, expectAccessible, shoot } from './support/console-session';

/**
 * The referral screens in a browser: real API (the notifier embedded), real Chromium from Debian,
 * driven by Playwright the way the console's notification suite does it. A coordinator refers a case
 * to the immigration checkpoint through the API; its officer answers in the console.
 */
describe('referrals in the console', () => {
  const suite = consoleSuite({ env: { NOTIFY_POLL_MS: '50' } });
  const { pages, readyUser, signIn } = suite;
  const newPage = (): Promise<Page> => suite.newPage();

  /** A case found on the hotline, referred to the immigration checkpoint through the API (no personal data shared). */
  async function referToImmigration(referral: {
    service: string;
    urgency: 'urgent' | 'normal';
    dueAt?: string;
  }): Promise<{ referralId: string; position: string }> {
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
    const sent = await suite.api.http
      .post('/api/v1/referrals')
      .set(suite.secretariat)
      .send({ caseId: made.body.caseId, toAgency: 'IMM-SK', sharesPersonalData: false, ...referral });
    if (sent.status !== 201) throw new Error(`referring: ${sent.status} ${JSON.stringify(sent.body)}`);
    return sent.body as { referralId: string; position: string };
  }

  const THAI_TIME = /\d{1,2} [ก-๙]+\.[ก-๙]+\. 25\d\d \d\d:\d\d น\./;
  const ENGLISH_TIME = /\d{1,2} [A-Z][a-z]{2} 25\d\d BE,? \d\d:\d\d/;

  it('every role reads the case work on the dashboard as the API publishes it: a count under five reads "น้อยกว่า 5", never a blank or the number', async () => {
    // Two cases and nothing else yet: every count of them is under the threshold (5 by default).
    let position = '0';
    for (const districtCode of ['2706', '2706']) {
      const made = await suite.api.http
        .post('/api/v1/cases')
        .set(suite.secretariat)
        .send({
          source: 'hotline_1300',
          districtCode,
          foundOn: '2019-05-01',
          ageGroup: 'adult',
          person: { givenName: 'Fictional Person' },
        });
      expect(made.status).toBe(201);
      position = made.body.position;
    }
    const viewer = { Authorization: `Bearer ${await suite.api.token('viewer', 'viewer.dash', 'PSDHS-SK')}` };
    const cases = (await suite.api.http.get(`/api/v1/dashboards/cases?minPosition=${position}`).set(viewer).expect(200))
      .body;
    const referrals = (
      await suite.api.http.get(`/api/v1/dashboards/referrals?minPosition=${position}`).set(viewer).expect(200)
    ).body;
    expect(cases.total).toMatchObject({ count: null, fewerThan: 5, label: { th: 'น้อยกว่า 5', en: 'fewer than 5' } });
    expect(referrals.total).toMatchObject({ count: 0 });

    const secret = await readyUser('viewer.dash', 'viewer', 'ผู้ดูแดชบอร์ด-2562', 'PSDHS-SK');
    expect(secret).toBeUndefined();
    const page = await newPage();
    await signIn(page, 'viewer.dash', 'ผู้ดูแดชบอร์ด-2562');
    await page.getByRole('heading', { name: 'แดชบอร์ด', level: 1 }).waitFor();
    const figures = page.getByTestId('case-figures');
    await figures.getByTestId('cases-total').waitFor();
    expect((await figures.getByTestId('cases-total').locator('.ant-statistic-content').innerText()).trim()).toBe(
      'น้อยกว่า 5',
    );
    expect((await figures.getByTestId('referrals-total').locator('.ant-statistic-content').innerText()).trim()).toBe(
      '0',
    );
    // No cut names a district, a stage or a status of two cases: each table shows only what its rows add up to, in words.
    for (const cut of [
      'cases-by-status',
      'cases-by-stage',
      'cases-by-district',
      'cases-by-source',
      'cases-by-age-group',
    ]) {
      const text = await figures.getByTestId(cut).innerText();
      expect({ cut, hidesTheTwo: !/\b2\b/.test(text) && !text.includes('อรัญประเทศ') }).toEqual({
        cut,
        hidesTheTwo: true,
      });
    }
    await figures.getByText('ตัวเลขไม่ระบุตัวบุคคล').waitFor();
    await shoot(page, 'th', '28-dashboard-cases');
    await expectAccessible(page, 'dashboard, case work');
    await page.getByTestId('language-switch').click();
    await figures.getByRole('heading', { name: "Cases, referrals and agencies' pledges" }).waitFor();
    expect((await figures.getByTestId('cases-total').locator('.ant-statistic-content').innerText()).trim()).toBe(
      'fewer than 5',
    );
    await shoot(page, 'en', '28-dashboard-cases');
    await expectAccessible(page, 'dashboard, case work (en)');
  }, 300_000);

  it('the officer sees a referral to their agency in Thai, opens it from the bell, accepts it, and a stale tab gets the 412 dialog; in English too', async () => {
    const started = Date.now();
    const secret = await readyUser('officer.refer', 'agency_officer', 'ด่านตรวจคนเข้าเมือง-2562', 'IMM-SK');
    // One already past its due time (sent due in 2 s, never answered), and the one the officer answers.
    const late = (
      await referToImmigration({
        service: 'shelter',
        urgency: 'normal',
        dueAt: new Date(Date.now() + 2_000).toISOString(),
      })
    ).referralId;
    const sent = await referToImmigration({ service: 'legal_aid', urgency: 'urgent' });
    const referralId = sent.referralId;
    const due = (
      await suite.api.http
        .get(`/api/v1/referrals/${referralId}?minPosition=${sent.position}`)
        .set(suite.secretariat)
        .expect(200)
    ).body.dueAt as string;
    await new Promise((r) => setTimeout(r, 2_000));

    const page = await newPage();
    await signIn(page, 'officer.refer', 'ด่านตรวจคนเข้าเมือง-2562', secret);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'การส่งต่อ' }).click();
    await page.getByRole('heading', { name: 'การส่งต่อ', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/referrals');
    await page.getByRole('tab', { name: 'ถึงหน่วยงานของฉัน' }).waitFor();
    await page.getByRole('tab', { name: 'ส่งออก' }).waitFor();
    // An officer follows no escalations: that tab is the coordinator's.
    expect(await page.getByRole('tab', { name: 'เกินกำหนด/ยกระดับ' }).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: referralId.slice(0, 8) });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('ความช่วยเหลือทางกฎหมาย');
    expect(text).toContain('ด่วน');
    expect(text).toContain('รอตอบรับ');
    expect(text).toContain('สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว');
    expect(text).toContain('ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว');
    expect(text).not.toContain('legal_aid');
    expect(text).not.toContain('Fictional');
    const bangkokDue = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
      timeZone: 'Asia/Bangkok',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(due));
    expect(text).toContain(`${bangkokDue} น.`);
    expect(text).toMatch(THAI_TIME);
    expect(text).not.toContain('เกินกำหนด');
    const lateRow = page.getByRole('row').filter({ hasText: late.slice(0, 8) });
    expect(await lateRow.innerText()).toContain('ที่พักพิง');
    await lateRow.getByTestId('overdue-tag').filter({ hasText: 'เกินกำหนด' }).waitFor();
    // The header's badge: two referrals wait for the officer's answer, one of them overdue, said in words for a screen reader.
    const badge = page.getByTestId('referrals-badge');
    await page.locator('[data-testid="referrals-badge"][data-waiting="2"][data-overdue="1"]').waitFor();
    expect(await badge.locator('.visually-hidden').allInnerTexts()).toEqual([
      'การส่งต่อรอตอบรับ 2 รายการ',
      'เกินกำหนด 1 รายการ',
    ]);
    expect(await badge.locator('.ant-badge').allInnerTexts()).toEqual(['2', '1']);
    await shoot(page, 'th', '20-referrals-inbox');
    await expectAccessible(page, 'referrals inbox');
    // Live: a referral sent meanwhile appears without a reload (the live stream's position moves the list), and the badge counts it.
    const third = (await referToImmigration({ service: 'interpretation', urgency: 'normal' })).referralId;
    const thirdRow = page.getByRole('row').filter({ hasText: third.slice(0, 8) });
    await thirdRow.waitFor({ timeout: 20_000 });
    expect(await thirdRow.innerText()).toContain('ล่ามแปลภาษา');
    await page
      .locator('[data-testid="referrals-badge"][data-waiting="3"][data-overdue="1"]')
      .waitFor({ timeout: 20_000 });

    // From the bell: the notice opens the referral's page, not a dialog.
    await page.getByTestId('bell').click();
    await page
      .getByTestId('bell-item')
      .filter({ hasText: referralId.slice(0, 8) })
      .click();
    await page.getByRole('heading', { name: `การส่งต่อ ${referralId.slice(0, 8)}`, level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/referrals/${referralId}`);
    expect(await page.getByTestId('notice-dialog').count()).toBe(0);
    const detail = page.getByTestId('referral-detail');
    expect(await detail.innerText()).toContain('ความช่วยเหลือทางกฎหมาย');
    expect(await detail.innerText()).toContain(`${bangkokDue} น.`);
    expect(await detail.getByTestId('referral-status').innerText()).toBe('รอตอบรับ');
    // The recipient answers; revoking is the sender's.
    await page.getByRole('button', { name: 'รับเรื่อง' }).waitFor();
    await page.getByRole('button', { name: 'ปฏิเสธ' }).waitFor();
    expect(await page.getByRole('button', { name: 'เพิกถอนการส่งต่อ' }).count()).toBe(0);
    await shoot(page, 'th', '21-referral-detail');
    await expectAccessible(page, 'referral detail');

    // A second tab of the same officer opens the decline dialog on the referral as it is now ("sent")…
    const stale = await page.context().newPage();
    pages.watch(stale);
    stale.setDefaultTimeout(60_000);
    await stale.goto(`${suite.base}/#/referrals/${referralId}`);
    await stale.getByRole('heading', { name: `การส่งต่อ ${referralId.slice(0, 8)}`, level: 1 }).waitFor();
    await stale.getByRole('button', { name: 'ปฏิเสธ' }).click();
    await stale.getByLabel('เหตุผล').fill('เจ้าหน้าที่ไม่พอในช่วงนี้');

    // …while the first accepts it.
    await page.getByRole('button', { name: 'รับเรื่อง' }).click();
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('referral-outcome').filter({ hasText: 'รับเรื่องแล้ว' }).waitFor();
    await detail.getByTestId('referral-status').filter({ hasText: 'รับเรื่องแล้ว' }).waitFor();
    await page.getByRole('button', { name: 'เริ่มให้บริการ' }).waitFor();
    // Answered: it no longer waits, and the badge says so.
    await page.locator('[data-testid="referrals-badge"][data-waiting="2"]').waitFor({ timeout: 20_000 });
    const officer = { Authorization: `Bearer ${await suite.api.token('agency_officer', 'officer.refer', 'IMM-SK')}` };
    expect((await suite.api.http.get(`/api/v1/referrals/${referralId}`).set(officer).expect(200)).body.status).toBe(
      'accepted',
    );

    // The stale tab's decline carries the old ETag: 412, and the dialog says what changed.
    await stale.getByTestId('action-confirm').click();
    const conflict = stale.getByTestId('conflict-dialog');
    await conflict.waitFor();
    const statusRow = await conflict.getByRole('row', { name: /สถานะ/ }).innerText();
    expect(statusRow).toContain('รอตอบรับ');
    expect(statusRow).toContain('รับเรื่องแล้ว');
    await conflict.getByText('ในสถานะปัจจุบันทำรายการนี้ไม่ได้แล้ว').waitFor();
    await shoot(stale, 'th', '22-referral-conflict');
    await expectAccessible(stale, 'referral conflict');
    await stale.getByRole('button', { name: 'ใช้ข้อมูลล่าสุด' }).click();
    await conflict.waitFor({ state: 'hidden' });
    await stale
      .getByTestId('referral-detail')
      .getByTestId('referral-status')
      .filter({ hasText: 'รับเรื่องแล้ว' })
      .waitFor();
    expect((await suite.api.http.get(`/api/v1/referrals/${referralId}`).set(officer).expect(200)).body.status).toBe(
      'accepted',
    );

    // In English: the same screens.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: `Referral ${referralId.slice(0, 8)}`, level: 1 }).waitFor();
    expect(await detail.innerText()).toContain('Legal aid');
    expect(await detail.innerText()).toMatch(ENGLISH_TIME);
    await detail.getByTestId('referral-status').filter({ hasText: 'Accepted' }).waitFor();
    await shoot(page, 'en', '21-referral-detail');
    await expectAccessible(page, 'referral detail (en)');
    await page.getByRole('link', { name: 'Back to referrals' }).click();
    await page.getByRole('tab', { name: 'To my agency' }).waitFor();
    const enRow = page.getByRole('row').filter({ hasText: referralId.slice(0, 8) });
    const enText = await enRow.innerText();
    expect(enText).toContain('Legal aid');
    expect(enText).toContain('Urgent');
    expect(enText).toContain('Accepted');
    expect(enText).toMatch(ENGLISH_TIME);
    await page
      .getByRole('row')
      .filter({ hasText: late.slice(0, 8) })
      .getByTestId('overdue-tag')
      .filter({ hasText: 'Overdue' })
      .waitFor();
    await shoot(page, 'en', '20-referrals-inbox');
    await expectAccessible(page, 'referrals inbox (en)');
    process.stdout.write(`referral screens test took ${Date.now() - started} ms\n`);
  }, 300_000);
  it('the coordinator follows an overdue referral up from the escalations tab and revokes it with a reason', async () => {
    const secret = await readyUser('coord.refer', 'coordinator', 'เลขานุการศูนย์-2562', 'PSDHS-SK');
    const late = (
      await referToImmigration({
        service: 'medical',
        urgency: 'urgent',
        dueAt: new Date(Date.now() + 1_000).toISOString(),
      })
    ).referralId;
    // The scheduler (every second by default) marks it overdue and escalates it to the coordinator.
    let escalated = false;
    for (let i = 0; i < 100 && !escalated; i++) {
      await new Promise((r) => setTimeout(r, 200));
      escalated = (
        await suite.api.http.get('/api/v1/referrals/escalations').set(suite.secretariat).expect(200)
      ).body.referrals.some((r: { referralId: string }) => r.referralId === late);
    }
    expect(escalated).toBe(true);

    const page = await newPage();
    await signIn(page, 'coord.refer', 'เลขานุการศูนย์-2562', secret);
    await page.goto(`${suite.base}/#/referrals`);
    await page.getByRole('tab', { name: 'เกินกำหนด/ยกระดับ' }).click();
    const row = page
      .getByTestId('referrals-escalations')
      .getByRole('row')
      .filter({ hasText: late.slice(0, 8) });
    await row.waitFor();
    expect(await row.innerText()).toContain('การรักษาพยาบาล');
    await row.getByTestId('overdue-tag').filter({ hasText: 'เกินกำหนด' }).waitFor();
    await shoot(page, 'th', '23-referrals-escalations');
    await expectAccessible(page, 'referral escalations');

    await row.getByRole('link', { name: `เปิดการส่งต่อ ${late.slice(0, 8)}` }).click();
    await page.getByRole('heading', { name: `การส่งต่อ ${late.slice(0, 8)}`, level: 1 }).waitFor();
    // The suite.secretariat sent it: it may revoke, but only the recipient answers.
    expect(await page.getByRole('button', { name: 'รับเรื่อง' }).count()).toBe(0);
    await page.getByRole('button', { name: 'เพิกถอนการส่งต่อ' }).click();
    // A reason is required before anything is sent.
    await page.getByTestId('action-confirm').click();
    await page.getByText('กรุณาระบุเหตุผล').waitFor();
    await page.getByLabel('เหตุผล').fill('ส่งต่อไปหน่วยงานอื่นที่พร้อมให้บริการแล้ว');
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('referral-outcome').filter({ hasText: 'เพิกถอนการส่งต่อแล้ว' }).waitFor();
    await page.getByTestId('referral-detail').getByTestId('referral-status').filter({ hasText: 'เพิกถอนแล้ว' }).waitFor();
    await page.getByTestId('no-actions').waitFor();
    expect((await suite.api.http.get(`/api/v1/referrals/${late}`).set(suite.secretariat).expect(200)).body.status).toBe(
      'revoked',
    );
  }, 300_000);

  it("a referral from a Chon Buri case names both provinces, Thai first, in the list and on its page; the case stays Chon Buri's", async () => {
    // Chon Buri's centre, registered by its own coordinator through the directory's decider (a new centre's first agency).
    const actor: Actor = { id: 'anan.cb', agency: 'PSDHS-CB', role: 'coordinator', province: 'TH-20' };
    await new CommandRunner(suite.api.app.get<EventStore>(EVENT_STORE)).run(
      agencyDecider,
      agencyStreamId('PSDHS-CB'),
      {
        type: 'RegisterAgency',
        data: { code: 'PSDHS-CB', nameTh: 'สำนักงานพัฒนาสังคมฯ จังหวัดชลบุรี', agencyType: 'social_development' },
        actor,
        at: new Date(),
        deploymentProvince: 'TH-27',
      },
      { actor, correlationId: 'bootstrap-cb', causationId: 'bootstrap-cb' },
    );
    const chonBuri = {
      Authorization: `Bearer ${await suite.api.token('agency_officer', 'ploy.cb', 'PSDHS-CB', 'TH-20')}`,
    };
    const made = await suite.api.http
      .post('/api/v1/cases')
      .set(chonBuri)
      .send({
        source: 'police',
        districtCode: '2001',
        foundOn: '2019-05-01',
        ageGroup: 'adult',
        person: { givenName: 'Fictional Person' },
      })
      .expect(201);
    const sent = await suite.api.http
      .post('/api/v1/referrals')
      .set(chonBuri)
      .send({
        caseId: made.body.caseId,
        toAgency: 'IMM-SK',
        service: 'interpretation',
        urgency: 'normal',
        sharesPersonalData: false,
      })
      .expect(201);
    const referralId = sent.body.referralId as string;
    // In the views before the console reads them: the page's first read is not then a race with the projection.
    const imm = { Authorization: `Bearer ${await suite.api.token('agency_officer', 'officer.across', 'IMM-SK')}` };
    await suite.api.http.get(`/api/v1/referrals/${referralId}?minPosition=${sent.body.position}`).set(imm).expect(200);

    // The checkpoint's officer answers it: the list and the page name both provinces.
    const officerSecret = await readyUser('officer.across', 'agency_officer', 'ด่านข้ามจังหวัด-2562', 'IMM-SK');
    const officer = await newPage();
    await signIn(officer, 'officer.across', 'ด่านข้ามจังหวัด-2562', officerSecret);
    await officer.goto(`${suite.base}/#/referrals`);
    const row = officer.getByRole('row').filter({ hasText: referralId.slice(0, 8) });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('referral-provinces').innerText()).toMatch(/ชลบุรี → สระแก้ว\s*รับจากจังหวัดอื่น/);
    await shoot(officer, 'th', '24-referrals-cross-province');
    await officer.goto(`${suite.base}/#/referrals/${referralId}`);
    await officer.getByTestId('referral-detail').getByTestId('referral-from-province').waitFor();
    expect(await officer.getByTestId('referral-from-province').innerText()).toBe('ชลบุรี');
    expect(await officer.getByTestId('referral-to-province').innerText()).toBe('สระแก้ว');
    await officer.getByRole('button', { name: 'รับเรื่อง' }).waitFor();

    // Sa Kaeo's coordinator oversees it; the case is Chon Buri's: no link to it, and no revoking another province's referral.
    const secret = await readyUser('coord.across', 'coordinator', 'เลขานุการข้ามจังหวัด-2562', 'PSDHS-SK');
    const page = await newPage();
    await signIn(page, 'coord.across', 'เลขานุการข้ามจังหวัด-2562', secret);
    await page.goto(`${suite.base}/#/referrals/${referralId}`);
    const detail = page.getByTestId('referral-detail');
    await detail.getByTestId('case-elsewhere').waitFor();
    expect(await detail.getByTestId('case-elsewhere').innerText()).toContain('ชลบุรี');
    expect(await detail.getByRole('link').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'เพิกถอนการส่งต่อ' }).count()).toBe(0);
    await shoot(page, 'th', '25-referral-cross-province');
    await expectAccessible(page, 'cross-province referral');
    await page.getByTestId('language-switch').click();
    await detail.getByText('From province', { exact: false }).waitFor();
    expect(await detail.getByTestId('referral-from-province').innerText()).toBe('ชลบุรี (Chon Buri)');
    expect(await detail.getByTestId('referral-to-province').innerText()).toBe('สระแก้ว (Sa Kaeo)');
    await shoot(page, 'en', '25-referral-cross-province');
  }, 300_000);
});
