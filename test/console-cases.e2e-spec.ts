import type { Page } from 'playwright-core';
import { consoleSuite, expectAccessible, shoot } from './support/console-session';

/** The test's fictitious person: nothing here names anyone real. Every string is looked for where it must not be. */
const PERSON = {
  givenName: 'Sreyneang-Fictional',
  familyName: 'Testperson',
  dateOfBirth: '2006-02-14',
  sex: 'female',
  nationality: 'KHM',
  languages: ['km'],
  contact: { phone: '+855-00-000-0000' },
  identityDocuments: [{ kind: 'passport', number: 'N0000000-FICT' }],
  notes: 'Invented for the console test',
};
const PERSONAL_STRINGS = [
  PERSON.givenName,
  PERSON.familyName,
  PERSON.contact.phone,
  PERSON.identityDocuments[0].number,
  PERSON.notes,
];

/**
 * The case screens in a browser over the real API: a case with a (fictitious) person, a referral
 * that shares the data and pledges, set up through the API; the coordinator works on it in the
 * console, reveals the person for a stated purpose, and an auditor finds that read in the log.
 */
describe('cases in the console', () => {
  const suite = consoleSuite({ env: { NOTIFY_POLL_MS: '50' } });
  const { readyUser, signIn } = suite;
  const newPage = (): Promise<Page> => suite.newPage({ height: 900 });

  /** A change to the case through the API, with the ETag it answers; throws on anything but 201. */
  async function caseCommand(
    caseId: string,
    path: string,
    etag: string,
    body: object,
  ): Promise<{ etag: string; position: string }> {
    const res = await suite.api.http
      .post(`/api/v1/cases/${caseId}/${path}`)
      .set(suite.secretariat)
      .set('If-Match', etag)
      .send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return { etag: res.headers.etag, position: res.body.position as string };
  }

  /** Found at the Aranyaprathet crossing, screened, identified as a victim, consent given, referred for shelter with her data, two pledges (one overdue). */
  async function caseInProtection(): Promise<{ caseId: string; referralId: string; position: string }> {
    const opened = await suite.api.http.post('/api/v1/cases').set(suite.secretariat).send({
      source: 'border_screening',
      districtCode: '2706',
      foundOn: '2019-05-01',
      ageGroup: 'child',
      person: PERSON,
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    let step = await caseCommand(caseId, 'consents', opened.headers.etag, {
      givenOn: '2019-05-02',
      scope: 'share_with_agencies',
    });
    step = await caseCommand(caseId, 'screening', step.etag, {
      indicators: ['document_confiscation', 'debt_bondage'],
      formReference: 'ร.บ.1/2562-014',
    });
    await caseCommand(caseId, 'identification', step.etag, {
      outcome: 'victim',
      decidedOn: '2019-05-10',
      decidingAgency: 'PSDHS-SK',
    });
    const referral = await suite.api.http
      .post('/api/v1/referrals')
      .set(suite.secretariat)
      .send({ caseId, toAgency: 'IMM-SK', service: 'interpretation', urgency: 'urgent', sharesPersonalData: true });
    expect(referral.status).toBe(201);
    await suite.api.http
      .post('/api/v1/commitments')
      .set(suite.secretariat)
      .send({ targetKind: 'case', caseId, resource: 'shelter_beds', quantity: 1, dueOn: '2019-06-30' })
      .expect(201);
    const last = await suite.api.http
      .post('/api/v1/commitments')
      .set(suite.secretariat)
      .send({ targetKind: 'case', caseId, resource: 'budget_satang', quantity: 1_250_050, dueOn: '2099-09-30' })
      .expect(201);
    return { caseId, referralId: referral.body.referralId as string, position: last.body.position as string };
  }

  const expectNoPersonalData = async (page: Page, where: string) => {
    const html = await page.content();
    expect({ where, found: PERSONAL_STRINGS.filter((s) => html.includes(s)) }).toEqual({ where, found: [] });
  };

  it('the coordinator lists cases without personal data, follows a case through its NRM stages, reveals the person only for a stated purpose, and the auditor sees that read in the access log', async () => {
    const coordinatorSecret = await readyUser('coord.cases', 'coordinator', 'เลขานุการศูนย์-2562', 'PSDHS-SK');
    const auditorSecret = await readyUser('auditor.cases', 'auditor', 'ผู้ตรวจสอบ-2562-สตง', 'OAG');
    const { caseId, referralId, position } = await caseInProtection();
    const short = caseId.slice(0, 8);
    await suite.api.http.get(`/api/v1/cases?minPosition=${position}`).set(suite.secretariat).expect(200);

    // The list: codes, stage, district, agency, B.E. dates and counts; not one personal string anywhere in the page.
    const page = await newPage();
    await signIn(page, 'coord.cases', 'เลขานุการศูนย์-2562', coordinatorSecret);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'กรณี' }).click();
    await page.getByRole('heading', { name: 'กรณี', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/cases');
    const row = page.getByTestId('cases-table').getByRole('row').filter({ hasText: short });
    await row.waitFor();
    await row.getByTestId('overdue-tag').waitFor();
    const text = await row.innerText();
    expect(text).toContain('คุ้มครองและช่วยเหลือ');
    expect(text).toContain('อรัญประเทศ');
    expect(text).toContain('สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว');
    expect(text).toContain('1 พ.ค. 2562');
    expect(text).toContain('เกินกำหนด 1');
    expect(text).not.toMatch(/protection_assistance|border_screening|2019/);
    await expectNoPersonalData(page, 'case list');
    // The stage filter is the API's: identification shows none of this case.
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await page.getByTestId('filter-stage').click();
    await options.filter({ hasText: 'คัดแยกผู้เสียหายโดยทีมสหวิชาชีพ' }).click();
    await page.getByTestId('cases-table').getByText('ไม่มีกรณีที่ตรงกับตัวกรอง').waitFor();
    await page.getByTestId('filter-stage').click();
    await options.filter({ hasText: 'คุ้มครองและช่วยเหลือ' }).click();
    await row.waitFor();
    await shoot(page, 'th', '50-cases-list');
    await expectAccessible(page, 'case list');

    // The case: its NRM timeline, referral (linking to the referral's page) and pledges with the overdue one marked.
    await row.getByRole('link', { name: `เปิดกรณี ${short}` }).click();
    await page.getByRole('heading', { name: `กรณี ${short}`, level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/cases/${caseId}`);
    const timeline = page.getByTestId('stage-timeline');
    await timeline.locator('[data-stage="screening"]').filter({ hasText: 'เริ่ม' }).waitFor();
    expect(await timeline.locator('[aria-current="step"]').innerText()).toContain('คุ้มครองและช่วยเหลือ');
    expect(await timeline.locator('[data-stage="screening"]').innerText()).toContain('ผ่านแล้ว');
    expect(await timeline.locator('[data-stage="identification"]').innerText()).toContain('เป็นผู้เสียหายจากการค้ามนุษย์');
    expect(await timeline.locator('[data-stage="prosecution_support"]').innerText()).toContain('ยังไม่ถึง');
    const commitments = page.getByTestId('case-commitments');
    const beds = commitments.getByRole('row').filter({ hasText: 'เตียงในบ้านพัก' });
    expect(await beds.innerText()).toContain('30 มิ.ย. 2562');
    await beds.getByTestId('overdue-tag').filter({ hasText: 'เกินกำหนด' }).waitFor();
    const budget = await commitments.getByRole('row').filter({ hasText: 'งบประมาณ' }).innerText();
    expect(budget).toContain('฿12,500.50');
    expect(budget).not.toContain('เกินกำหนด');
    const consent = await page.getByTestId('case-consent').innerText();
    expect(consent).toContain('ให้ความยินยอมแล้ว');
    expect(consent).toContain('2 พ.ค. 2562');
    const referralRow = page
      .getByTestId('case-referrals')
      .getByRole('row')
      .filter({ hasText: referralId.slice(0, 8) });
    expect(await referralRow.innerText()).toContain('ล่ามแปลภาษา');
    // The referral's page and back to its case.
    await referralRow.getByRole('link', { name: `เปิดการส่งต่อ ${referralId.slice(0, 8)}` }).click();
    await page.getByRole('heading', { name: `การส่งต่อ ${referralId.slice(0, 8)}`, level: 1 }).waitFor();
    await page
      .getByTestId('referral-detail')
      .getByRole('link', { name: `เปิดกรณี ${short}` })
      .click();
    await page.getByRole('heading', { name: `กรณี ${short}`, level: 1 }).waitFor();
    await timeline.locator('[aria-current="step"]').waitFor();
    await expectNoPersonalData(page, 'case detail');
    await shoot(page, 'th', '51-case-detail');
    await expectAccessible(page, 'case detail');

    // A stale page: the legal basis is recorded elsewhere while the advance dialog is open; 412, the shared dialog, then sent again.
    await page.getByTestId('case-action-advance').click();
    await page.getByRole('dialog').getByText('ส่งกลับและคืนสู่สังคม').waitFor();
    const current = await suite.api.http.get(`/api/v1/cases/${caseId}`).set(suite.secretariat).expect(200);
    await caseCommand(caseId, 'legal-basis', current.headers.etag, {
      basis: 'legal_obligation',
      reference: 'พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ม.33',
    });
    await page.getByTestId('action-confirm').click();
    const conflict = page.getByTestId('conflict-dialog');
    await conflict.waitFor();
    const basisRow = await conflict.getByRole('row', { name: /ฐานทางกฎหมาย/ }).innerText();
    expect(basisRow).toContain('ปฏิบัติตามกฎหมาย');
    expect(await conflict.getByRole('row', { name: /รายการของคุณ/ }).innerText()).toContain('ส่งกลับและคืนสู่สังคม');
    await shoot(page, 'th', '52-case-conflict');
    await expectAccessible(page, 'case conflict');
    await page.getByRole('button', { name: 'ส่งการแก้ไขของฉันอีกครั้ง' }).click();
    await page.getByTestId('case-outcome').filter({ hasText: 'เลื่อนขั้นแล้ว' }).waitFor();
    await timeline.locator('[aria-current="step"]').filter({ hasText: 'ส่งกลับและคืนสู่สังคม' }).waitFor();
    expect((await suite.api.http.get(`/api/v1/cases/${caseId}`).set(suite.secretariat).expect(200)).body.stage).toBe(
      'return_reintegration',
    );
    await page.getByTestId('case-consent').getByText('พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ม.33').waitFor();

    // The overdue pledge delivered in full from its row.
    await beds.getByTestId('fulfil').click();
    await page.getByTestId('action-confirm').click();
    await page.getByTestId('case-outcome').filter({ hasText: 'บันทึกการดำเนินการตามคำมั่นแล้ว' }).waitFor();
    await beds.filter({ hasText: 'ดำเนินการครบแล้ว' }).waitFor();
    expect(await beds.getByTestId('overdue-tag').count()).toBe(0);

    // Personal data: no purpose, no request at all; then a purpose, and the answer is no-store.
    const reads: string[] = [];
    page.on('request', (r) => r.url().includes('/personal-data-reads') && reads.push(r.method()));
    await page.getByRole('button', { name: 'แสดงข้อมูลส่วนบุคคล' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('reveal-submit').click();
    await dialog.getByText('ต้องระบุวัตถุประสงค์ก่อนเปิดดูข้อมูลส่วนบุคคล').waitFor();
    await dialog.getByLabel('วัตถุประสงค์ของการเข้าถึง').fill('  ab ');
    await dialog.getByTestId('reveal-submit').click();
    await dialog.getByText('ความยาว 3 ถึง 500 ตัวอักษร').waitFor();
    expect(reads).toEqual([]);
    // The API refuses it too: the console's rule mirrors ReadPersonalDataDto (trimmed, 3 to 500 characters).
    const blank = await suite.api.http
      .post(`/api/v1/cases/${caseId}/personal-data-reads`)
      .set(suite.secretariat)
      .send({ purpose: '  ab ' });
    expect(blank.status).toBe(400);
    await expectNoPersonalData(page, 'reveal dialog before a purpose');
    const purpose = 'เตรียมเอกสารประกอบการส่งกลับภูมิลำเนา';
    await dialog.getByLabel('วัตถุประสงค์ของการเข้าถึง').fill(purpose);
    const answered = page.waitForResponse(
      (r) => r.url().includes(`/api/v1/cases/${caseId}/personal-data-reads`) && r.request().method() === 'POST',
    );
    await dialog.getByTestId('reveal-submit').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    const shown = dialog.getByTestId('personal-data');
    await shown.getByText(PERSON.givenName).waitFor();
    const person = await shown.innerText();
    expect(person).toContain(PERSON.familyName);
    expect(person).toContain('14 ก.พ. 2549');
    expect(person).toContain('หนังสือเดินทาง N0000000-FICT');
    expect(person).toContain(purpose);
    expect(person).toContain('ผู้ประสานงาน');
    await shoot(page, 'th', '53-personal-data');
    await expectAccessible(page, 'personal data dialog');
    // Closed, it is gone: not in the page, not in the browser's storage; opening again asks for a purpose again.
    await dialog.getByTestId('reveal-close').click();
    await shown.waitFor({ state: 'detached' });
    await expectNoPersonalData(page, 'case detail after the dialog closed');
    const stored = await page.evaluate<string>(
      'JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })',
    );
    expect(PERSONAL_STRINGS.filter((s) => stored.includes(s))).toEqual([]);
    await page.getByRole('button', { name: 'แสดงข้อมูลส่วนบุคคล' }).click();
    await page.getByRole('dialog').getByLabel('วัตถุประสงค์ของการเข้าถึง').waitFor();
    expect(await page.getByRole('dialog').getByTestId('personal-data').count()).toBe(0);
    await page.getByRole('dialog').getByTestId('reveal-close').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // In English: the same screens (a second read, with its own purpose).
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: `Case ${short}`, level: 1 }).waitFor();
    expect(await timeline.locator('[aria-current="step"]').innerText()).toContain('Return and reintegration');
    expect(await page.getByTestId('case-detail').innerText()).toMatch(/1 May 2562/);
    await shoot(page, 'en', '51-case-detail');
    await expectAccessible(page, 'case detail (en)');
    await page.getByRole('button', { name: 'Show personal data' }).click();
    await page
      .getByRole('dialog')
      .getByLabel('Purpose of this read')
      .fill('Checking identity documents for the return');
    await page.getByRole('dialog').getByTestId('reveal-submit').click();
    await page.getByRole('dialog').getByTestId('personal-data').getByText('Passport N0000000-FICT').waitFor();
    await shoot(page, 'en', '53-personal-data');
    await expectAccessible(page, 'personal data dialog (en)');
    await page.getByRole('dialog').getByTestId('reveal-close').click();
    // At 768 px the timeline turns into a column and nothing needs a sideways scroll.
    await page.setViewportSize({ width: 768, height: 900 });
    await page.waitForFunction("getComputedStyle(document.querySelector('.nrm-timeline')).flexDirection === 'column'");
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(768);
    await shoot(page, 'en', '56-case-detail-768');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Back to cases' }).click();
    const enRow = page.getByTestId('cases-table').getByRole('row').filter({ hasText: short });
    await enRow.waitFor();
    expect(await enRow.innerText()).toContain('Aranyaprathet');
    await expectNoPersonalData(page, 'case list (en)');
    await shoot(page, 'en', '50-cases-list');
    await expectAccessible(page, 'case list (en)');

    // The auditor: the reads, with who, when and why.
    const audit = await newPage();
    await signIn(audit, 'auditor.cases', 'ผู้ตรวจสอบ-2562-สตง', auditorSecret);
    await audit.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'กรณี' }).click();
    await audit.getByRole('link', { name: 'บันทึกการเข้าถึงข้อมูลส่วนบุคคล' }).click();
    await audit.getByRole('heading', { name: 'บันทึกการเข้าถึงข้อมูลส่วนบุคคล', level: 1 }).waitFor();
    const read = audit.getByTestId('access-log').getByRole('row').filter({ hasText: purpose });
    await read.waitFor();
    const logged = await read.innerText();
    expect(logged).toContain('คุณcoord.cases (coord.cases)');
    expect(logged).toContain('ผู้ประสานงานศูนย์ฯ จังหวัด');
    expect(logged).toContain(short);
    expect(logged).toContain('เปิดดูข้อมูล');
    expect(logged).toMatch(/\d{1,2} [ก-๙]+\.[ก-๙]+\. 25\d\d \d\d:\d\d น\./);
    await audit
      .getByTestId('access-log')
      .getByRole('row')
      .filter({ hasText: 'Checking identity documents for the return' })
      .waitFor();
    await expectNoPersonalData(audit, 'access log');
    // Filtered by the case.
    await audit.getByLabel('รหัสกรณี (เต็ม)').fill(caseId);
    await audit.getByRole('button', { name: 'กรอง', exact: true }).click();
    await read.waitFor();
    await shoot(audit, 'th', '54-access-log');
    await expectAccessible(audit, 'access log');
    await audit.getByTestId('language-switch').click();
    await audit.getByRole('heading', { name: 'Personal-data access log', level: 1 }).waitFor();
    expect(await read.innerText()).toContain('Read the data');
    await shoot(audit, 'en', '54-access-log');
    await expectAccessible(audit, 'access log (en)');
  }, 400_000);

  it('the chair sees no cases entry, and the case screens show the API refusing the chair', async () => {
    const secret = await readyUser('chair.cases', 'chair', 'ประธานอนุกรรมการ-2562', 'PROV-SK');
    const page = await newPage();
    await signIn(page, 'chair.cases', 'ประธานอนุกรรมการ-2562', secret);
    const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
    await nav.getByRole('link', { name: 'แดชบอร์ด' }).waitFor();
    expect(await nav.getByRole('link', { name: 'กรณี' }).count()).toBe(0);
    const chair = { Authorization: `Bearer ${await suite.api.token('chair', 'chair.cases', 'PROV-SK')}` };
    const refused = await suite.api.http.get('/api/v1/cases').set(chair).expect(403);
    expect(refused.body.code).toBe('AUTH.NOT_PERMITTED');
    await page.goto(`${suite.base}/#/cases`);
    await page
      .getByTestId('cases-error')
      .filter({ hasText: refused.body.messages.th as string })
      .waitFor();
    expect(await page.getByTestId('cases-table').count()).toBe(0);
    await shoot(page, 'th', '55-cases-refused');
    await expectAccessible(page, 'cases refused');
    await page.goto(`${suite.base}/#/cases/access-log`);
    await page.getByTestId('access-log-error').waitFor();
    expect(await page.getByTestId('access-log').count()).toBe(0);
  }, 300_000);
});
