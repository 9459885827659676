import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { providerRefusalsStreamId } from '@ruamjai/identity';
import type { EventMetadata } from '@ruamjai/kernel';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { startApi, type ApiHarness } from './support/api-harness';
import { launchChromium } from './support/browser';
import { BrowserPages, expectAccessible, serveConsole, SHOTS, shoot } from './support/console-session';
import { freePort, startOidcProvider, type ProviderAccount, type RunningProvider } from './support/oidc-provider';

/**
 * Sign-in through an OpenID Connect provider, end to end: a real provider (the certified
 * `oidc-provider` package, in a child process with a login page that checks passwords), the real
 * API under AUTH_MODE=oidc, and Debian's Chromium pressing the console's button, signing in at the
 * provider, allowing access, and landing in the console with the same kind of session a password
 * gives (refresh rotation, CSRF, sign-out that revokes at once), every sign-in and refusal audited.
 */
const PROVIDER_NAME = 'SaKaeo ID';
const CLIENT_ID = 'ruamjai-console';
const CLIENT_SECRET = 'a-client-secret-only-the-api-and-the-provider-know';

const ACCOUNTS: Record<string, ProviderAccount> = {
  // The provider's own account ids differ from the usernames it releases: the mapping reads the claim.
  kanya: {
    password: 'kanya-at-the-provider',
    claims: {
      preferred_username: 'kanya.s',
      name: 'กันยา ศรีสุข',
      groups: ['staff', 'ruamjai-secretariat'],
      agency: 'PSDHS-SK',
    },
  },
  wichai: {
    password: 'wichai-at-the-provider',
    claims: { preferred_username: 'wichai.imm', name: 'วิชัย ด่านดี', groups: ['ruamjai-officers'], agency: 'IMM-SK' },
  },
  // Known to the provider, in no group that gives a Ruamjai role.
  dara: {
    password: 'dara-at-the-provider',
    claims: { preferred_username: 'dara.k', name: 'ดารา กิจดี', groups: ['staff', 'canteen'], agency: 'PSDHS-SK' },
  },
};

describe('signing in through an OpenID provider', () => {
  let provider: RunningProvider;
  let api: ApiHarness;
  let browser: Browser;
  let base: string;
  let accountsDir: string;
  let secretariat: { Authorization: string };

  beforeAll(async () => {
    accountsDir = mkdtempSync(join(tmpdir(), 'ruamjai-oidc-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({
      accountsFile: join(accountsDir, 'accounts.json'),
      accounts: ACCOUNTS,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `${base}/api/v1/auth/oidc/callback`,
    });
    api = await startApi({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: provider.issuer,
      OIDC_ALLOW_HTTP: 'true',
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URL: `${base}/api/v1/auth/oidc/callback`,
      OIDC_SCOPES: 'openid profile ruamjai',
      OIDC_PROVIDER_NAME: PROVIDER_NAME,
      OIDC_ROLE_MAP: 'ruamjai-secretariat=coordinator,ruamjai-officers=agency_officer',
    });
    for (const lang of ['th', 'en']) mkdirSync(join(SHOTS, lang), { recursive: true });
    await api.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
    secretariat = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.stop();
    rmSync(accountsDir, { recursive: true, force: true });
  });

  const pages = new BrowserPages(() => browser);
  afterEach(() => pages.closeAll());

  /** A fresh browser that talks to nothing but this machine (the provider's and the console's pages). */
  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await pages.newPage();
    await opened.context.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    return opened;
  }

  const button = (page: Page, lang: 'th' | 'en' = 'th') =>
    page.getByRole('link', { name: lang === 'th' ? `เข้าสู่ระบบด้วย ${PROVIDER_NAME}` : `Sign in with ${PROVIDER_NAME}` });

  /** From the console's button through the provider's login and consent pages; answers the authorization request's parameters. */
  async function throughProvider(page: Page, account: string, lang: 'th' | 'en' = 'th'): Promise<URLSearchParams> {
    const authorization = page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/auth`));
    await button(page, lang).click();
    const params = new URL((await authorization).url()).searchParams;
    await page.getByLabel('Username').fill(account);
    await page.getByLabel('Password').fill(ACCOUNTS[account].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow' }).click();
    return params;
  }

  /** What the console does on load: a refresh with the CSRF token echoed; answers the new access token. */
  async function refreshInPage(
    page: Page,
  ): Promise<{ status: number; body: { accessToken?: string; user?: Record<string, string>; code?: string } }> {
    // Runs in the page (a string, so that this file needs no DOM types): the browser's own cookies and fetch.
    return page.evaluate(`(async () => {
      const csrf = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('ruamjai_csrf='))?.slice('ruamjai_csrf='.length) ?? '';
      const res = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'X-CSRF-Token': csrf } });
      return { status: res.status, body: await res.json() };
    })()`);
  }

  // All of the context's cookies: asking by URL would leave out the refresh cookie, whose path is /api/v1/auth.
  const cookie = async (context: BrowserContext, name: string) =>
    (await context.cookies()).find((c) => c.name === name);

  async function historyTypes(
    username: string,
  ): Promise<Array<{ type: string; data: Record<string, unknown>; actor: string; reason?: string }>> {
    const res = await api.http.get(`/api/v1/users/${username}/history`).set(secretariat).expect(200);
    return res.body.entries;
  }

  it('a coordinator at the provider signs in from the console’s Thai button, gets a rotating session, and the sign-in is audited', async () => {
    const { context, page } = await newPage();
    await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
    await button(page).waitFor();
    // AUTH_MODE=oidc: the password form is not offered at all.
    expect(await page.getByLabel('รหัสผ่าน', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'sign-in page with the provider button (th)');
    await shoot(page, 'th', '60-oidc-sign-in');

    const params = await throughProvider(page, 'kanya');
    expect(
      Object.fromEntries(
        ['response_type', 'client_id', 'redirect_uri', 'code_challenge_method', 'scope'].map((k) => [k, params.get(k)]),
      ),
    ).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${base}/api/v1/auth/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid profile ruamjai',
    });
    for (const check of ['state', 'nonce', 'code_challenge']) expect(params.get(check)).toMatch(/^[\w-]{20,}$/);

    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('กันยา ศรีสุข');
    expect(new URL(page.url()).origin).toBe(base);
    await shoot(page, 'th', '61-oidc-signed-in');

    // The same session as a password gives: httpOnly, SameSite=Strict refresh cookie; the transaction cookie spent.
    const first = await cookie(context, 'ruamjai_refresh');
    expect(first).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(await cookie(context, 'ruamjai_oidc')).toBeUndefined();
    // The provider's ID token stays for one use, the hint that ends its session at sign-out: out of the page's reach, never sent from another site.
    expect(await cookie(context, 'ruamjai_oidc_id')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/oidc',
    });
    const refreshed = await refreshInPage(page);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user).toEqual({
      username: 'kanya.s',
      displayName: 'กันยา ศรีสุข',
      role: 'coordinator',
      agency: 'PSDHS-SK',
      // The provider sends no province claim: the deployment's.
      province: 'TH-27',
    });
    const second = await cookie(context, 'ruamjai_refresh');
    expect(second!.value).not.toBe(first!.value);

    const bearer = { Authorization: `Bearer ${refreshed.body.accessToken}` };
    const me = await api.http.get('/api/v1/auth/me').set(bearer).expect(200);
    expect(me.body).toMatchObject({ username: 'kanya.s', role: 'coordinator', agency: 'PSDHS-SK' });
    expect(me.body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    // The coordinator's own reads work with it: the directory now lists her, from the provider.
    const users = await api.http.get('/api/v1/users').set(bearer).expect(200);
    expect(users.body.users.find((u: { username: string }) => u.username === 'kanya.s')).toMatchObject({
      displayName: 'กันยา ศรีสุข',
      role: 'coordinator',
      provider: provider.issuer,
      mustChangePassword: false,
    });

    // The rotated-away refresh token, played again, ends the session at once (reuse detection).
    const csrf = (await cookie(context, 'ruamjai_csrf'))!.value;
    const replay = await api.http
      .post('/api/v1/auth/refresh')
      .set('Cookie', `ruamjai_refresh=${first!.value}; ruamjai_csrf=${csrf}`)
      .set('X-CSRF-Token', csrf);
    expect(replay.status).toBe(401);
    expect((await api.http.get('/api/v1/auth/me').set(bearer)).body.code).toBe('AUTH.SESSION_REVOKED');

    const history = await historyTypes('kanya.s');
    expect(history.map((e) => e.type)).toEqual(['UserRegisteredFromProvider', 'UserSignedInThroughProvider']);
    expect(history[0].data).toMatchObject({
      username: 'kanya.s',
      role: 'coordinator',
      agency: 'PSDHS-SK',
      issuer: provider.issuer,
      subject: 'kanya',
      province: 'TH-27',
    });
    expect(history[1]).toMatchObject({
      actor: 'kanya.s',
      data: { username: 'kanya.s', issuer: provider.issuer, subject: 'kanya', client: '127.0.0.1' },
    });
  }, 240_000);

  it('an agency officer signs in from the English button; signing out in the console revokes the session at once and ends the session at the provider, so the next person at the desk must sign in there again', async () => {
    const { context, page } = await newPage();
    await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
    await page.getByTestId('language-switch').click();
    await button(page, 'en').waitFor();
    await expectAccessible(page, 'sign-in page with the provider button (en)');
    await shoot(page, 'en', '60-oidc-sign-in');

    await throughProvider(page, 'wichai', 'en');
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('วิชัย ด่านดี');
    await shoot(page, 'en', '61-oidc-signed-in');

    const refreshed = await refreshInPage(page);
    expect(refreshed.body.user).toMatchObject({ username: 'wichai.imm', role: 'agency_officer', agency: 'IMM-SK' });
    const bearer = { Authorization: `Bearer ${refreshed.body.accessToken}` };
    await api.http.get('/api/v1/referrals/inbox').set(bearer).expect(200);

    // Signed out here, the browser goes on to the provider, which asks, ends its own session and sends it back.
    const endSession = page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/session/end`));
    await page.getByTestId('sign-out').click();
    const ending = new URL((await endSession).url()).searchParams;
    expect(ending.get('post_logout_redirect_uri')).toBe(`${base}/`);
    expect(ending.get('ui_locales')).toBe('en th');
    expect(ending.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const after = await api.http.get('/api/v1/auth/me').set(bearer);
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await button(page, 'en').waitFor();
    expect(new URL(page.url()).origin).toBe(base);
    expect(await cookie(context, 'ruamjai_oidc_id')).toBeUndefined();
    expect((await historyTypes('wichai.imm')).map((e) => e.type)).toEqual([
      'UserRegisteredFromProvider',
      'UserSignedInThroughProvider',
      'UserSignedOut',
    ]);

    // The next person at this desk: the provider asks for a password again rather than letting the officer's session through.
    await button(page, 'en').click();
    await page.getByLabel('Username').waitFor();
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);

    // Sent to the provider's sign-out from elsewhere (no ID token, or still signed in here): nothing happens there.
    const fromElsewhere = await api.http.get('/api/v1/auth/oidc/sign-out');
    expect({ status: fromElsewhere.status, location: fromElsewhere.headers.location }).toEqual({
      status: 303,
      location: `${base}/`,
    });
  }, 240_000);

  it('a person whose groups map to no role is refused with a Thai message, not signed in, and the refusal is recorded', async () => {
    const { context, page } = await newPage();
    await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
    await throughProvider(page, 'dara');
    const alert = page.getByTestId('oidc-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`บัญชีของคุณที่ ${PROVIDER_NAME} ยังไม่ได้รับบทบาทในร่วมใจ`);
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    expect(await cookie(context, 'ruamjai_refresh')).toBeUndefined();
    // The code is read once and taken out of the address bar.
    expect(page.url()).not.toContain('sign-in-error');
    await expectAccessible(page, 'refused by role mapping (th)');
    await shoot(page, 'th', '62-oidc-refused');
    await page.getByTestId('language-switch').click();
    await page.getByText(`Your ${PROVIDER_NAME} account has no Ruamjai role`).waitFor();
    await shoot(page, 'en', '62-oidc-refused');

    // No directory entry; the refusal is on the provider subject's own stream, by the system.
    await api.http.get('/api/v1/users/dara.k/history').set(secretariat).expect(404);
    const store = api.app.get<EventStore>(EVENT_STORE);
    const events = [];
    for await (const event of store.readStream(providerRefusalsStreamId({ issuer: provider.issuer, subject: 'dara' })))
      events.push(event);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ProviderSignInRefused',
      data: {
        issuer: provider.issuer,
        subject: 'dara',
        claimedUsername: 'dara.k',
        claimedAgency: 'PSDHS-SK',
        providerValues: ['staff', 'canteen'],
        reason: 'no_role',
        client: '127.0.0.1',
      },
    });
    expect((events[0].metadata as EventMetadata).actorId).toBe('system:oidc-sign-in');
  }, 240_000);

  it('a role changed at the provider is recorded as a role change at the next sign-in, and ends the sessions that carried the old role', async () => {
    const first = await newPage();
    await first.page.goto(base + '/', { waitUntil: 'domcontentloaded' });
    await throughProvider(first.page, 'wichai');
    await first.page.getByTestId('signed-in-user').waitFor();
    const old = { Authorization: `Bearer ${(await refreshInPage(first.page)).body.accessToken}` };
    await api.http.get('/api/v1/auth/me').set(old).expect(200);

    provider.setAccounts({
      ...ACCOUNTS,
      wichai: {
        ...ACCOUNTS.wichai,
        claims: {
          ...ACCOUNTS.wichai.claims,
          name: 'วิชัย ด่านดี (เลขานุการ)',
          groups: ['ruamjai-secretariat'],
          agency: 'PSDHS-SK',
        },
      },
    });
    try {
      const second = await newPage();
      await second.page.goto(base + '/', { waitUntil: 'domcontentloaded' });
      await throughProvider(second.page, 'wichai');
      await second.page.getByTestId('signed-in-user').waitFor();
      expect((await refreshInPage(second.page)).body.user).toMatchObject({
        role: 'coordinator',
        agency: 'PSDHS-SK',
        displayName: 'วิชัย ด่านดี (เลขานุการ)',
      });
    } finally {
      provider.setAccounts(ACCOUNTS);
    }
    expect((await api.http.get('/api/v1/auth/me').set(old)).body.code).toBe('AUTH.SESSION_REVOKED');
    const history = await historyTypes('wichai.imm');
    const change = history.find((e) => e.type === 'UserRoleChanged')!;
    expect(change.data).toMatchObject({
      role: 'coordinator',
      agency: 'PSDHS-SK',
      previousRole: 'agency_officer',
      previousAgency: 'IMM-SK',
    });
    expect(change.reason).toMatch(/identity provider/);
    expect(history.map((e) => e.type).slice(-3)).toEqual([
      'UserDisplayNameChanged',
      'UserRoleChanged',
      'UserSignedInThroughProvider',
    ]);
  }, 240_000);

  describe('a callback that did not come from a sign-in started here', () => {
    /** A real start (through the API), as a browser would: the transaction cookie and the state the provider would send back. */
    async function started(): Promise<{ cookie: string; state: string }> {
      const res = await api.http.get('/api/v1/auth/oidc/start').expect(302);
      const setCookie = ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('ruamjai_oidc='))!;
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
      expect(res.headers.location.startsWith(`${provider.issuer}/auth?`)).toBe(true);
      return { cookie: setCookie.split(';')[0], state: new URL(res.headers.location).searchParams.get('state')! };
    }

    const callback = (query: string, cookieHeader?: string) => {
      const req = api.http.get(`/api/v1/auth/oidc/callback${query}`);
      return cookieHeader ? req.set('Cookie', cookieHeader) : req;
    };

    function expectProblem(res: request.Response, status: number, code: string): void {
      expect({ status: res.status, type: res.headers['content-type'], code: res.body.code }).toEqual({
        status,
        type: expect.stringContaining('application/problem+json'),
        code,
      });
      expect(res.body.messages.th).toMatch(/[ก-๙]/);
    }

    it('refuses a missing transaction, a tampered or missing state, and a forged transaction cookie with 400, never a 5xx', async () => {
      expectProblem(await callback('?code=abc&state=xyz'), 400, 'AUTH.OIDC_STATE_INVALID');
      const { cookie, state } = await started();
      expectProblem(await callback(`?code=abc&state=${state}x`, cookie), 400, 'AUTH.OIDC_STATE_INVALID');
      expectProblem(await callback('?code=abc', cookie), 400, 'AUTH.OIDC_STATE_INVALID');
      const [name, value] = cookie.split('=');
      const forged = `${name}=${value.slice(0, -4)}${value.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      expectProblem(await callback(`?code=abc&state=${state}`, forged), 400, 'AUTH.OIDC_STATE_INVALID');
    });

    it('refuses a code the provider never issued, and passes on the provider’s own refusal, as 401', async () => {
      const issued = await started();
      expectProblem(
        await callback(
          `?code=never-issued&state=${issued.state}&iss=${encodeURIComponent(provider.issuer)}`,
          issued.cookie,
        ),
        401,
        'AUTH.OIDC_NOT_VERIFIED',
      );
      const denied = await started();
      expectProblem(
        await callback(
          `?error=access_denied&state=${denied.state}&iss=${encodeURIComponent(provider.issuer)}`,
          denied.cookie,
        ),
        401,
        'AUTH.OIDC_PROVIDER_REFUSED',
      );
    });

    it('sends a browser back to the sign-in page with the problem’s code instead', async () => {
      const res = await callback('?code=abc&state=xyz').set('Accept', 'text/html,application/xhtml+xml');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${base}/?sign-in-error=AUTH.OIDC_STATE_INVALID`);
    });
  });

  it('tells the console what is open, and keeps the password form shut under AUTH_MODE=oidc', async () => {
    const methods = await api.http.get('/api/v1/auth/methods').expect(200);
    expect(methods.body).toEqual({
      password: false,
      oidc: {
        providerName: PROVIDER_NAME,
        startUrl: '/api/v1/auth/oidc/start',
        signOutUrl: '/api/v1/auth/oidc/sign-out',
      },
    });
    const refused = await api.http
      .post('/api/v1/auth/sign-in')
      .send({ username: 'kanya.s', password: 'kanya-at-the-provider' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 404,
      code: 'AUTH.EMBEDDED_SIGN_IN_DISABLED',
    });
  });

  it('under AUTH_MODE=both offers the provider first and the directory’s password form beside it', async () => {
    const both = await startApi(
      {
        AUTH_MODE: 'both',
        OIDC_ISSUER: provider.issuer,
        OIDC_ALLOW_HTTP: 'true',
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_PROVIDER_NAME: PROVIDER_NAME,
        OIDC_ROLE_MAP: 'ruamjai-secretariat=coordinator',
      },
      { agencies: false },
    );
    try {
      const at = await serveConsole(both);
      expect((await both.http.get('/api/v1/auth/methods').expect(200)).body).toEqual({
        password: true,
        oidc: {
          providerName: PROVIDER_NAME,
          startUrl: '/api/v1/auth/oidc/start',
          signOutUrl: '/api/v1/auth/oidc/sign-out',
        },
      });
      const { page } = await newPage();
      await page.goto(at + '/', { waitUntil: 'domcontentloaded' });
      await button(page).waitFor();
      await page.getByLabel('รหัสผ่าน', { exact: true }).waitFor();
      await expectAccessible(page, 'sign-in page, provider and password (th)');
      await shoot(page, 'th', '63-oidc-and-password');
      await page.getByTestId('language-switch').click();
      await button(page, 'en').waitFor();
      await page.getByLabel('Password', { exact: true }).waitFor();
      await shoot(page, 'en', '63-oidc-and-password');
    } finally {
      await both.close();
    }
  }, 240_000);
});
