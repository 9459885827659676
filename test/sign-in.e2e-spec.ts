import { totpCodeAt } from '@ruamjai/identity';
import { FixedClock } from '@ruamjai/kernel';
import type { Response } from 'supertest';
import { startApi, type ApiHarness } from './support/api-harness';

/** The cookies a response sets, by name, with their attributes as written. */
function cookies(res: Response): Record<string, { value: string; attributes: string }> {
  const raw = ([] as string[]).concat((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []);
  return Object.fromEntries(
    raw.map((line) => {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at).trim(), { value: pair.slice(at + 1), attributes: attributes.join(';') }];
    }),
  );
}

describe('signing in to the console', () => {
  const clock = new FixedClock(new Date('2019-02-14T02:00:00.000Z'));
  let api: ApiHarness;
  let secretariat: string;

  beforeAll(async () => {
    api = await startApi(
      { SIGN_IN_MAX_FAILURES: '3', SIGN_IN_LOCKOUT_SECONDS: '60', ACCESS_TOKEN_TTL_SECONDS: '300' },
      { clock },
    );
    secretariat = await api.token('coordinator', 'somchai', 'PSDHS-SK');
  });
  afterAll(() => api.close());

  async function addUser(username: string, role: string, agency = 'PSDHS-SK'): Promise<string> {
    const res = await api.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ username, displayName: `คุณ ${username}`, role, agency });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.body.oneTimePassword as string;
  }

  /** First sign-in: the one-time password, a new password, and (for roles that need one) an authenticator. */
  async function firstSignIn(
    username: string,
    oneTime: string,
    password: string,
  ): Promise<{ secret?: string; res: Response }> {
    const first = await api.http.post('/api/v1/auth/sign-in').send({ username, password: oneTime });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('password_change_required');
    const changed = await api.http
      .post('/api/v1/auth/password-change')
      .send({ challenge: first.body.challenge, newPassword: password });
    expect(changed.status).toBe(200);
    if (changed.body.status === 'signed_in') return { res: changed };
    expect(changed.body.status).toBe('second_factor_enrolment_required');
    expect(changed.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const secret = changed.body.secret as string;
    const enrolled = await api.http
      .post('/api/v1/auth/second-factor')
      .send({ challenge: changed.body.challenge, code: totpCodeAt(secret, clock.now()) });
    expect(enrolled.status).toBe(200);
    return { secret, res: enrolled };
  }

  it('a coordinator added by the secretariat changes the one-time password, enrols TOTP and is signed in', async () => {
    const oneTime = await addUser('malee', 'coordinator');
    expect(oneTime).toMatch(/^[A-Za-z0-9]{16}$/);
    const first = await api.http.post('/api/v1/auth/sign-in').send({ username: 'malee', password: oneTime });
    expect(first.body.status).toBe('password_change_required');
    expect(first.body.accessToken).toBeUndefined();

    const short = await api.http
      .post('/api/v1/auth/password-change')
      .send({ challenge: first.body.challenge, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('USER.INVALID');
    expect(short.body.messages.th).toContain('อย่างน้อย 12');

    const changed = await api.http
      .post('/api/v1/auth/password-change')
      .send({ challenge: first.body.challenge, newPassword: 'ร่วมใจสระแก้ว-2562' });
    expect(changed.body.status).toBe('second_factor_enrolment_required');
    const wrong = await api.http
      .post('/api/v1/auth/second-factor')
      .send({ challenge: changed.body.challenge, code: '000000' });
    expect(wrong.status).toBe(400);
    const done = await api.http
      .post('/api/v1/auth/second-factor')
      .send({ challenge: changed.body.challenge, code: totpCodeAt(changed.body.secret, clock.now()) });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'signed_in',
      expiresIn: 300,
      user: { username: 'malee', role: 'coordinator', agency: 'PSDHS-SK', displayName: 'คุณ malee' },
    });

    const set = cookies(done);
    expect(set.ruamjai_refresh.attributes).toMatch(/HttpOnly/i);
    expect(set.ruamjai_refresh.attributes).toMatch(/SameSite=Strict/i);
    expect(set.ruamjai_refresh.attributes).toMatch(/Path=\/api\/v1\/auth/);
    expect(set.ruamjai_refresh.attributes).not.toMatch(/Secure/i);
    expect(set.ruamjai_csrf.value).toBe(done.body.csrfToken);
    expect(set.ruamjai_csrf.attributes).not.toMatch(/HttpOnly/i);

    const me = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${done.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'malee', role: 'coordinator', displayName: 'คุณ malee' });
    expect(me.body.sessionId).toMatch(/^[0-9a-f-]{36}$/);

    // A replayed first-sign-in step meets a stream that has moved on.
    const replay = await api.http
      .post('/api/v1/auth/password-change')
      .send({ challenge: first.body.challenge, newPassword: 'อีกรหัสหนึ่ง-ยาวพอ' });
    expect(replay.status).toBe(412);
  });

  it('a role that reads personal data needs the TOTP code as well as the password', async () => {
    const oneTime = await addUser('officer.a', 'agency_officer', 'IMM-SK');
    const { secret } = await firstSignIn('officer.a', oneTime, 'ด่านอรัญประเทศ-2562');
    const withoutCode = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'officer.a', password: 'ด่านอรัญประเทศ-2562' });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.code).toBe('AUTH.SIGN_IN_FAILED');
    const withCode = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'officer.a', password: 'ด่านอรัญประเทศ-2562', code: totpCodeAt(secret!, clock.now()) });
    expect(withCode.status).toBe(200);
    expect(withCode.body.user.role).toBe('agency_officer');
  });

  it('a viewer signs in with a password alone', async () => {
    const oneTime = await addUser('viewer.one', 'viewer');
    const { secret, res } = await firstSignIn('viewer.one', oneTime, 'แดชบอร์ดจังหวัด-2562');
    expect(secret).toBeUndefined();
    expect(res.body.status).toBe('signed_in');
    const again = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'viewer.one', password: 'แดชบอร์ดจังหวัด-2562' });
    expect(again.body.status).toBe('signed_in');
  });

  it('an unknown username and a wrong password get the same answer', async () => {
    const unknown = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'nobody', password: 'whatever-it-is' });
    const wrong = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'viewer.one', password: 'whatever-it-is' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.messages).toEqual(wrong.body.messages);
  });

  it('locks the account after repeated failures, backing off, and records every attempt', async () => {
    const oneTime = await addUser('lock.me', 'viewer');
    await firstSignIn('lock.me', oneTime, 'รหัสผ่านที่ถูกต้อง-1');
    const bad = () => api.http.post('/api/v1/auth/sign-in').send({ username: 'lock.me', password: 'รหัสผิด-ลองเดา' });
    expect((await bad()).status).toBe(401);
    expect((await bad()).status).toBe(401);
    const locked = await bad();
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH.LOCKED_OUT');
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.body.messages.th).toContain('ถูกล็อก');

    const rightButLocked = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'lock.me', password: 'รหัสผ่านที่ถูกต้อง-1' });
    expect(rightButLocked.status).toBe(429);

    clock.advance(61_000);
    const lockedLonger = await bad();
    expect(lockedLonger.status).toBe(429);
    expect(lockedLonger.headers['retry-after']).toBe('120');

    clock.advance(121_000);
    const ok = await api.http.post('/api/v1/auth/sign-in').send({ username: 'lock.me', password: 'รหัสผ่านที่ถูกต้อง-1' });
    expect(ok.status).toBe(200);

    const auditor = await api.token('auditor', 'auditor1', 'OAG');
    const history = await api.http.get('/api/v1/users/lock.me/history').set('Authorization', `Bearer ${auditor}`);
    expect(history.status).toBe(200);
    const types = history.body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'UserRegistered',
      'UserPasswordChanged',
      'UserSignedIn',
      'UserSignInFailed',
      'UserSignInFailed',
      'UserSignInFailed',
      'UserLockedOut',
      'UserSignInFailed',
      'UserSignInFailed',
      'UserLockedOut',
      'UserSignedIn',
    ]);
    expect(history.body.entries[7].data).toMatchObject({ reason: 'locked_out' });
    expect(JSON.stringify(history.body)).not.toMatch(/argon2|passwordHash|sealedSecret/);
  });

  it('refresh needs the CSRF header, rotates the cookie, and a reused refresh token ends the session', async () => {
    const signedIn = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'viewer.one', password: 'แดชบอร์ดจังหวัด-2562' });
    const { ruamjai_refresh: refresh, ruamjai_csrf: csrf } = cookies(signedIn);
    const cookie = `ruamjai_refresh=${refresh.value}; ruamjai_csrf=${csrf.value}`;

    const noHeader = await api.http.post('/api/v1/auth/refresh').set('Cookie', cookie);
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe('AUTH.CSRF_TOKEN_INVALID');
    const wrongHeader = await api.http
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'x'.repeat(43));
    expect(wrongHeader.status).toBe(403);

    const refreshed = await api.http.post('/api/v1/auth/refresh').set('Cookie', cookie).set('X-CSRF-Token', csrf.value);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
    const rotated = cookies(refreshed).ruamjai_refresh.value;
    expect(rotated).not.toBe(refresh.value);
    const fresh = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expect(fresh.status).toBe(200);

    // The superseded token comes back (a stolen copy): the whole session is revoked, at once.
    const reused = await api.http.post('/api/v1/auth/refresh').set('Cookie', cookie).set('X-CSRF-Token', csrf.value);
    expect(reused.status).toBe(401);
    const afterReuse = await api.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expect(afterReuse.status).toBe(401);
    expect(afterReuse.body.code).toBe('AUTH.SESSION_REVOKED');
    const legitimate = await api.http
      .post('/api/v1/auth/refresh')
      .set('Cookie', `ruamjai_refresh=${rotated}; ruamjai_csrf=${csrf.value}`)
      .set('X-CSRF-Token', csrf.value);
    expect(legitimate.status).toBe(401);
  });

  it('sign-out revokes the session at once: its access token and refresh cookie stop working', async () => {
    const signedIn = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'viewer.one', password: 'แดชบอร์ดจังหวัด-2562' });
    const token = signedIn.body.accessToken as string;
    const { ruamjai_refresh: refresh, ruamjai_csrf: csrf } = cookies(signedIn);
    const cookie = `ruamjai_refresh=${refresh.value}; ruamjai_csrf=${csrf.value}`;
    expect((await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    const noCsrf = await api.http.post('/api/v1/auth/sign-out').set('Cookie', cookie);
    expect(noCsrf.status).toBe(403);
    const out = await api.http.post('/api/v1/auth/sign-out').set('Cookie', cookie).set('X-CSRF-Token', csrf.value);
    expect(out.status).toBe(204);
    expect(cookies(out).ruamjai_refresh.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);

    const after = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH.SESSION_REVOKED');
    const refreshAfter = await api.http
      .post('/api/v1/auth/refresh')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf.value);
    expect(refreshAfter.status).toBe(401);
  });

  it('a role change by the secretariat is audited with its reason and ends the person’s sessions', async () => {
    const oneTime = await addUser('promote.me', 'viewer', 'IMM-SK');
    const { res } = await firstSignIn('promote.me', oneTime, 'รหัสผ่านของฉันเอง-1');
    const token = res.body.accessToken as string;
    const list = await api.http.get(`/api/v1/users?minPosition=${0}`).set('Authorization', `Bearer ${secretariat}`);
    expect(list.status).toBe(200);

    const current = await api.http
      .get('/api/v1/users/promote.me/history')
      .set('Authorization', `Bearer ${secretariat}`);
    const revision = current.body.entries.at(-1).revision as string;
    const missingIfMatch = await api.http
      .post('/api/v1/users/promote.me/role-changes')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ role: 'chair', agency: 'PV-SK', reason: 'ผู้ว่าราชการมอบหมาย' });
    expect(missingIfMatch.status).toBe(428);
    const changed = await api.http
      .post('/api/v1/users/promote.me/role-changes')
      .set('Authorization', `Bearer ${secretariat}`)
      .set('If-Match', `"${revision}"`)
      .send({ role: 'chair', agency: 'PV-SK', reason: 'ผู้ว่าราชการมอบหมาย' });
    expect(changed.status).toBe(201);

    const refused = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(refused.status).toBe(401);
    const again = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'promote.me', password: 'รหัสผ่านของฉันเอง-1' });
    expect(again.body.user).toMatchObject({ role: 'chair', agency: 'PV-SK' });

    const history = await api.http
      .get('/api/v1/users/promote.me/history')
      .set('Authorization', `Bearer ${secretariat}`);
    const roleChange = history.body.entries.find((e: { type: string }) => e.type === 'UserRoleChanged');
    expect(roleChange).toMatchObject({
      actor: 'somchai',
      role: 'coordinator',
      reason: 'ผู้ว่าราชการมอบหมาย',
      data: { role: 'chair', previousRole: 'viewer', agency: 'PV-SK', previousAgency: 'IMM-SK' },
    });

    const users = await api.http
      .get(`/api/v1/users?minPosition=${changed.body.position}`)
      .set('Authorization', `Bearer ${secretariat}`);
    expect(users.body.users.find((u: { username: string }) => u.username === 'promote.me')).toMatchObject({
      role: 'chair',
      agency: 'PV-SK',
      secondFactorRequired: false,
      mustChangePassword: false,
      active: true,
    });
    expect(JSON.stringify(users.body)).not.toMatch(/argon2|passwordHash|sealedSecret/);
  });

  it('only the secretariat manages users', async () => {
    for (const role of ['chair', 'agency_officer', 'auditor', 'viewer'] as const) {
      const token = await api.token(role, `someone-${role}`, 'IMM-SK');
      const res = await api.http
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${token}`)
        .send({ username: `new-${role}`.replace('_', '-'), displayName: 'x', role: 'coordinator', agency: 'IMM-SK' });
      expect(res.status).toBe(403);
    }
    const viewer = await api.token('viewer', 'v', 'IMM-SK');
    expect((await api.http.get('/api/v1/users').set('Authorization', `Bearer ${viewer}`)).status).toBe(403);
    const dup = await api.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ username: 'malee', displayName: 'x', role: 'viewer', agency: 'IMM-SK' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USER.ALREADY_REGISTERED');
    const bad = await api.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ username: 'X', displayName: '', role: 'root', agency: 'imm' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'agency',
      'displayName',
      'role',
      'username',
    ]);
  });

  it('a deactivated person can no longer sign in, and a reset gives a new one-time password', async () => {
    const oneTime = await addUser('leaving', 'viewer');
    await firstSignIn('leaving', oneTime, 'รหัสผ่านก่อนย้าย-1');
    const history = await api.http.get('/api/v1/users/leaving/history').set('Authorization', `Bearer ${secretariat}`);
    let revision = history.body.entries.at(-1).revision as string;
    const reset = await api.http
      .post('/api/v1/users/leaving/password-reset')
      .set('Authorization', `Bearer ${secretariat}`)
      .set('If-Match', `"${revision}"`);
    expect(reset.status).toBe(201);
    const renewed = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'leaving', password: reset.body.oneTimePassword });
    expect(renewed.body.status).toBe('password_change_required');
    revision = reset.body.revision;
    const off = await api.http
      .post('/api/v1/users/leaving/deactivation')
      .set('Authorization', `Bearer ${secretariat}`)
      .set('If-Match', `"${revision}"`)
      .send({ reason: 'ย้ายราชการ' });
    expect(off.status).toBe(201);
    const refused = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'leaving', password: reset.body.oneTimePassword });
    expect(refused.status).toBe(401);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy: a caller cannot get its cookies marked otherwise', async () => {
    const res = await api.http
      .post('/api/v1/auth/sign-in')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'viewer.one', password: 'แดชบอร์ดจังหวัด-2562' });
    expect(res.status).toBe(200);
    expect(cookies(res).ruamjai_refresh.attributes).not.toMatch(/Secure/i);
  });

  it('machine clients keep their bearer tokens (no session to check)', async () => {
    const res = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${secretariat}`);
    expect(res.status).toBe(200);
    expect(res.body.sessionId).toBeUndefined();
  });
});

describe('signing in behind the TLS proxy named in TRUSTED_PROXIES', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ TRUSTED_PROXIES: '127.0.0.1,::1,::ffff:127.0.0.1' });
  });
  afterAll(() => api.close());

  it('marks the cookies Secure when the console is served over https', async () => {
    const secretariat = await api.token('coordinator', 'somchai', 'PSDHS-SK');
    const added = await api.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${secretariat}`)
      .send({ username: 'viewer.tls', displayName: 'คุณดู', role: 'viewer', agency: 'PSDHS-SK' });
    expect(added.status).toBe(201);
    const first = await api.http
      .post('/api/v1/auth/sign-in')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'viewer.tls', password: added.body.oneTimePassword });
    const changed = await api.http
      .post('/api/v1/auth/password-change')
      .set('X-Forwarded-Proto', 'https')
      .send({ challenge: first.body.challenge, newPassword: 'แดชบอร์ดหลังพร็อกซี-2562' });
    expect(changed.body.status).toBe('signed_in');
    expect(cookies(changed).ruamjai_refresh.attributes).toMatch(/Secure/i);
    expect(cookies(changed).ruamjai_csrf.attributes).toMatch(/Secure/i);
  });
});
