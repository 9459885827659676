import { FixedClock } from '@ruamjai/kernel';
import { startApi, type ApiHarness } from './support/api-harness';
import { cli } from './support/cli';
import { decodeMail, startSmtp, type SmtpReceiver } from './support/smtp';

/**
 * Notifications on the embedded default: the notifier runs in the API beside the projections, people
 * are the user directory with their own settings, e-mail goes to a real SMTP server.
 */
describe('notifications reach the people of the agency concerned, each as they chose', () => {
  let api: ApiHarness;
  let smtp: SmtpReceiver;
  // 09:00 Bangkok on 2 May 2019.
  const clock = new FixedClock(new Date('2019-05-02T02:00:00.000Z'));
  const PERSON = 'Sreyneang Fictional-Person';
  let coordinator: Record<string, string>;
  let referralId: string;
  let caseId: string;

  const as = async (username: string, role: 'agency_officer' | 'coordinator' | 'viewer', agency: string) => ({
    Authorization: `Bearer ${await api.token(role, username, agency)}`,
  });
  const until = async <T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> => {
    const end = Date.now() + ms;
    let value = await probe();
    while (!done(value) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      value = await probe();
    }
    return value;
  };
  const bell = async (username: string, agency = 'IMM-SK', query = '') =>
    (
      await api.http
        .get(`/api/v1/me/notifications${query}`)
        .set(await as(username, 'agency_officer', agency))
        .expect(200)
    ).body as {
      unread: number;
      items: Array<{
        id: string;
        kind: string;
        link: string;
        subject: { th: string; en: string };
        body: { th: string; en: string };
        readAt: string | null;
      }>;
    };
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to === address);

  beforeAll(async () => {
    smtp = await startSmtp();
    api = await startApi(
      {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        NOTIFY_POLL_MS: '20',
        NOTIFY_MAX_ATTEMPTS: '2',
        PUBLIC_URL: 'https://ruamjai.sakaeo.example',
        MAIL_FROM: 'ruamjai@sakaeo.example',
      },
      { clock },
    );
    coordinator = await as('somchai', 'coordinator', 'PSDHS-SK');
    // Three officers of the immigration checkpoint, each choosing differently.
    for (const username of ['malee', 'anan', 'sompong']) {
      await api.http
        .post('/api/v1/users')
        .set(coordinator)
        .send({ username, displayName: `เจ้าหน้าที่ ${username}`, role: 'agency_officer', agency: 'IMM-SK' })
        .expect(201);
    }
    const settings = {
      anan: { inConsole: false, email: 'Anan@IMM.Sakaeo.example', dailyDigest: false },
      sompong: { inConsole: true, email: 'sompong@imm.sakaeo.example', dailyDigest: true },
    };
    for (const [username, body] of Object.entries(settings)) {
      const current = await api.http
        .get(`/api/v1/users/${username}/notification-preferences`)
        .set(coordinator)
        .expect(200);
      expect(current.body).toMatchObject({ inConsole: true, email: null, dailyDigest: false });
      const self = await as(username, 'agency_officer', 'IMM-SK');
      await api.http
        .put(`/api/v1/users/${username}/notification-preferences`)
        .set(self)
        .set('If-Match', current.headers.etag)
        .send(body)
        .expect(200);
    }
    const { body: c } = await api.http
      .post('/api/v1/cases')
      .set(coordinator)
      .send({
        source: 'hotline_1300',
        districtCode: '2706',
        foundOn: '2019-05-01',
        ageGroup: 'adult',
        person: { givenName: PERSON },
      })
      .expect(201);
    caseId = c.caseId;
    const sent = await api.http
      .post('/api/v1/referrals')
      .set(coordinator)
      .send({ caseId, toAgency: 'IMM-SK', service: 'legal_aid', urgency: 'urgent', sharesPersonalData: false })
      .expect(201);
    referralId = sent.body.referralId;
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('rings the bell of each officer of the receiving agency who keeps it, with a link to the referral', async () => {
    const malee = await until(
      () => bell('malee'),
      (b) => b.unread >= 1,
    );
    expect(malee.unread).toBe(1);
    expect(malee.items).toEqual([
      expect.objectContaining({ kind: 'referral_received', link: `/referrals/${referralId}`, readAt: null }),
    ]);
    expect(malee.items[0].body.th).toContain('3 พ.ค. 2562 09:00 น.');
    expect(
      (
        await until(
          () => bell('sompong'),
          (b) => b.unread >= 1,
        )
      ).unread,
    ).toBe(1);
    // Anan turned the bell off, and nobody outside the agency hears of it.
    expect((await bell('anan')).unread).toBe(0);
    expect((await bell('pol.b', 'POL-SK')).unread).toBe(0);
  });

  it('e-mails at once whoever asked for it, to the address they gave, and holds back the digest reader’s until the morning', async () => {
    const mails = await until(
      async () => mailsTo('anan@imm.sakaeo.example'),
      (m) => m.length >= 1,
    );
    expect(mails).toHaveLength(1);
    const text = decodeMail(mails[0].raw);
    expect(text).toContain('มีการส่งต่อเรื่องถึงหน่วยงานของท่าน');
    expect(text).toContain(`https://ruamjai.sakaeo.example/referrals/${referralId}`);
    expect(mailsTo('sompong@imm.sakaeo.example')).toEqual([]);

    // 07:00 Bangkok the next day: one digest for Sompong, with the referral in it, and never a second that day.
    clock.advance(22 * 3600_000 + 61_000);
    const digests = await until(
      async () => mailsTo('sompong@imm.sakaeo.example'),
      (m) => m.length >= 1,
    );
    expect(digests).toHaveLength(1);
    const digest = decodeMail(digests[0].raw);
    expect(digest).toContain('สรุปการแจ้งเตือนประจำวันที่ 3 พฤษภาคม 2562 (1 เรื่อง)');
    expect(digest).toContain(`https://ruamjai.sakaeo.example/referrals/${referralId}`);
    clock.advance(61_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo('sompong@imm.sakaeo.example')).toHaveLength(1);
  });

  it('marks read one notice or all of them, only the person’s own', async () => {
    const malee = await bell('malee');
    const id = malee.items[0].id;
    // Someone else cannot mark it, or even learn that it exists.
    const other = await api.http
      .post(`/api/v1/me/notifications/${id}/read`)
      .set(await as('sompong', 'agency_officer', 'IMM-SK'))
      .expect(404);
    expect(other.body.code).toBe('NOTIFICATION.NOT_FOUND');
    expect(other.headers['content-type']).toContain('application/problem+json');
    await api.http
      .post(`/api/v1/me/notifications/${id}/read`)
      .set(await as('malee', 'agency_officer', 'IMM-SK'))
      .expect(204);
    await api.http
      .post(`/api/v1/me/notifications/${id}/read`)
      .set(await as('malee', 'agency_officer', 'IMM-SK'))
      .expect(204);
    expect((await bell('malee')).unread).toBe(0);
    expect((await bell('malee', 'IMM-SK', '?unread=true')).items).toEqual([]);
    expect((await bell('sompong')).unread).toBeGreaterThan(0);
    const all = await api.http
      .post('/api/v1/me/notifications/read')
      .set(await as('sompong', 'agency_officer', 'IMM-SK'))
      .expect(200);
    expect(all.body.marked).toBeGreaterThan(0);
    expect((await bell('sompong')).unread).toBe(0);
    const bad = await api.http.get('/api/v1/me/notifications?limit=0').set(coordinator).expect(400);
    expect(bad.body.code).toBe('REQUEST.INVALID');
    await api.http.post('/api/v1/me/notifications/not-a-uuid/read').set(coordinator).expect(400);
  });

  it('reminds the pledging agency on the day its commitment falls due, once', async () => {
    const malee = await as('malee', 'agency_officer', 'IMM-SK');
    const today = new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const pledged = await api.http
      .post('/api/v1/commitments')
      .set(malee)
      .send({ targetKind: 'case', caseId, resource: 'interpreters', quantity: 2, dueOn: today })
      .expect(201);
    // The register knows it; the notifier looks at the calendar once a minute.
    await api.http.get(`/api/v1/commitments?minPosition=${pledged.body.position}`).set(malee).expect(200);
    clock.advance(61_000);
    const due = await until(
      async () => (await bell('malee')).items.filter((i) => i.kind === 'commitment_due'),
      (items) => items.length >= 1,
    );
    expect(due).toHaveLength(1);
    expect(due[0].body.th).toContain('ล่าม 2 ดำเนินการแล้ว 0 คงเหลือ 2');
    expect(due[0].link).toBe(`/cases/${caseId}`);
    clock.advance(61_000);
    await new Promise((r) => setTimeout(r, 300));
    expect((await bell('malee')).items.filter((i) => i.kind === 'commitment_due')).toHaveLength(1);
  });

  it('puts a webhook that keeps failing on the dead-letter list, where the secretariat sends it again', async () => {
    await api.http
      .post('/api/v1/notifications/webhooks')
      .set(coordinator)
      .send({
        subscriptionId: 'line-gateway-imm',
        agency: 'IMM-SK',
        role: 'agency_officer',
        url: 'http://127.0.0.1:9/nowhere',
        secret: 's'.repeat(32),
      })
      .expect(201);
    const listed = await api.http.get('/api/v1/notifications/webhooks').set(coordinator).expect(200);
    expect(listed.body.webhooks).toEqual([
      {
        subscriptionId: 'line-gateway-imm',
        agency: 'IMM-SK',
        role: 'agency_officer',
        url: 'http://127.0.0.1:9/nowhere',
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('s'.repeat(32));
    await api.http
      .post('/api/v1/referrals')
      .set(coordinator)
      .send({ caseId, toAgency: 'IMM-SK', service: 'interpretation', urgency: 'normal', sharesPersonalData: false })
      .expect(201);
    // Two attempts a second apart (on the notifier's clock), then the list.
    const dead = await until(
      async () => {
        clock.advance(1000);
        return (await api.http.get('/api/v1/notifications/dead-letters').set(coordinator).expect(200)).body
          .deadLetters as Array<{ deliveryId: string; channel: string; attempts: number }>;
      },
      (d) => d.length >= 1,
    );
    // (The first referral's notice too, when the gateway was subscribed before the notifier reached it.)
    for (const d of dead)
      expect(d).toEqual(
        expect.objectContaining({ channel: 'webhook', attempts: 2, address: 'http://127.0.0.1:9/nowhere' }),
      );
    const officer = await as('malee', 'agency_officer', 'IMM-SK');
    const refused = await api.http.get('/api/v1/notifications/dead-letters').set(officer).expect(403);
    expect(refused.body.code).toBe('AUTH.NOT_PERMITTED');
    expect(refused.body.title ?? refused.body.detail).toBeDefined();
    await api.http.post(`/api/v1/notifications/dead-letters/${dead[0].deliveryId}/replay`).set(officer).expect(403);
    // The operator sees the same list from the command line.
    const listed2 = await cli(api.config.dataDir, 'notifications', 'dead-letters');
    expect(listed2.stdout).toContain(`${dead[0].deliveryId}\twebhook\thttp://127.0.0.1:9/nowhere\t2 attempts`);
    await expect(cli(api.config.dataDir, 'notifications', 'replay', 'not-there')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not on the dead-letter list'),
    });
    await api.http.post(`/api/v1/notifications/dead-letters/${dead[0].deliveryId}/replay`).set(coordinator).expect(204);
    // Sent again (and failing again, the gateway still away, its retry not due on the notifier's clock), it is no longer dead.
    const again = await api.http
      .post(`/api/v1/notifications/dead-letters/${dead[0].deliveryId}/replay`)
      .set(coordinator);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOTIFICATION.NOT_DEAD_LETTER');
    await api.http
      .post('/api/v1/notifications/dead-letters/6f1b0c2e-6a57-4c1e-9a0e-2f9a8d3c7b41/replay')
      .set(coordinator)
      .expect(404);
    await api.http.delete('/api/v1/notifications/webhooks/line-gateway-imm').set(coordinator).expect(204);
    await api.http.delete('/api/v1/notifications/webhooks/line-gateway-imm').set(coordinator).expect(404);
  });

  it('refuses settings that are not settings, and another person’s, with a clear problem and no change', async () => {
    const current = await api.http.get('/api/v1/users/malee/notification-preferences').set(coordinator).expect(200);
    const malee = await as('malee', 'agency_officer', 'IMM-SK');
    const badEmail = await api.http
      .put('/api/v1/users/malee/notification-preferences')
      .set(malee)
      .set('If-Match', current.headers.etag)
      .send({ inConsole: true, email: 'malee', dailyDigest: false });
    expect(badEmail.status).toBeGreaterThanOrEqual(400);
    expect(badEmail.status).toBeLessThan(500);
    expect(badEmail.body.code).toBe('USER.INVALID');
    const missing = await api.http
      .put('/api/v1/users/malee/notification-preferences')
      .set(malee)
      .set('If-Match', current.headers.etag)
      .send({ inConsole: true });
    expect(missing.status).toBe(400);
    const noMatch = await api.http
      .put('/api/v1/users/malee/notification-preferences')
      .set(malee)
      .send({ inConsole: false, email: null, dailyDigest: false });
    expect(noMatch.status).toBe(428);
    const other = await api.http
      .put('/api/v1/users/malee/notification-preferences')
      .set(await as('anan', 'agency_officer', 'IMM-SK'))
      .set('If-Match', current.headers.etag)
      .send({ inConsole: false, email: null, dailyDigest: false });
    expect(other.status).toBe(403);
    await api.http
      .get('/api/v1/users/malee/notification-preferences')
      .set(await as('anan', 'agency_officer', 'IMM-SK'))
      .expect(403);
    // Nor does the user directory give an auditor anyone's address; the secretariat sees it there.
    const auditor = { Authorization: `Bearer ${await api.token('auditor', 'auditor1', 'OAG')}` };
    const audited = await api.http.get('/api/v1/users').set(auditor).expect(200);
    expect(audited.body.users.length).toBeGreaterThan(2);
    expect(JSON.stringify(audited.body)).not.toContain('@imm.sakaeo.example');
    expect(JSON.stringify((await api.http.get('/api/v1/users').set(coordinator).expect(200)).body)).toContain(
      'anan@imm.sakaeo.example',
    );
    const after = await api.http.get('/api/v1/users/malee/notification-preferences').set(coordinator).expect(200);
    expect(after.headers.etag).toBe(current.headers.etag);
  });

  it('names nobody: no e-mail and no notice in any bell carries the person in the case', async () => {
    const texts = smtp.mails.map((m) => decodeMail(m.raw));
    for (const username of ['malee', 'sompong', 'anan'])
      for (const item of (await bell(username)).items) texts.push(JSON.stringify(item));
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) {
      expect(text).not.toContain(PERSON);
      expect(text).not.toContain('Sreyneang');
    }
  });
});
