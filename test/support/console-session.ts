import AxeBuilder from '@axe-core/playwright';
import { totpCodeAt } from '@ruamjai/identity';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startApi, type ApiHarness } from './api-harness';
import { launchChromium } from './browser';

/** What the console's browser suites do alike: serve the API, ready people, open pages, sign in, check, shoot. */

/** Where the browser suites write their screenshots, one folder a language, for a person to look at. */
export const SHOTS = join(__dirname, '../../test-results/console-screenshots');

/** The API on a port of its own, serving the built console; its base URL. Makes the screenshot folders too. */
export async function serveConsole(api: ApiHarness): Promise<string> {
  for (const lang of ['th', 'en']) mkdirSync(join(SHOTS, lang), { recursive: true });
  await api.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
}

/**
 * A person added by the secretariat (`authorization`: its bearer header) who has already been through
 * the first sign-in through the API: the one-time password changed, and the authenticator enrolled
 * where the role needs one. Answers the TOTP secret, if any.
 */
export async function readyUser(
  api: ApiHarness,
  authorization: string,
  user: { username: string; role: string; password: string; agency: string },
): Promise<string | undefined> {
  const { username, role, password, agency } = user;
  const added = await api.http
    .post('/api/v1/users')
    .set('Authorization', authorization)
    .send({ username, displayName: `คุณ${username}`, role, agency });
  if (added.status !== 201) throw new Error(`adding ${username}: ${added.status} ${JSON.stringify(added.body)}`);
  const first = await api.http.post('/api/v1/auth/sign-in').send({ username, password: added.body.oneTimePassword });
  const changed = await api.http
    .post('/api/v1/auth/password-change')
    .send({ challenge: first.body.challenge, newPassword: password });
  if (changed.body.status === 'signed_in') return undefined;
  const secret = changed.body.secret as string;
  await api.http
    .post('/api/v1/auth/second-factor')
    .send({ challenge: changed.body.challenge, code: totpCodeAt(secret, new Date()) });
  return secret;
}

/** Fills the Thai sign-in form (with the authenticator's code when a secret is given) and submits it. */
export async function submitSignIn(
  page: Page,
  base: string,
  username: string,
  password: string,
  secret?: string,
): Promise<void> {
  await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  if (secret) await page.getByLabel('รหัสยืนยัน 6 หลักจากแอปยืนยันตัวตน').fill(totpCodeAt(secret, new Date()));
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

/** Signs in through the form and waits for the signed-in header (and, with `live`, for the live stream to connect). */
export async function signIn(
  page: Page,
  base: string,
  user: { username: string; password: string; secret?: string },
  options: { live?: boolean } = {},
): Promise<void> {
  await submitSignIn(page, base, user.username, user.password, user.secret);
  await page.getByTestId('signed-in-user').waitFor();
  if (options.live) await page.locator('.live.live-on').waitFor();
}

/** No serious or critical WCAG 2.x A/AA violation on the page as it stands. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    screen,
    violations: bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  }).toEqual({ screen, violations: [] });
}

/** A screenshot of the whole page (or of one part of it), once transitions have settled. */
export async function shoot(target: Page | Locator, lang: 'th' | 'en', name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  if ('goto' in target) await target.screenshot({ path: join(SHOTS, lang, `${name}.png`), fullPage: true });
  else await target.screenshot({ path: join(SHOTS, lang, `${name}.png`) });
}

/** What a page went through that a failing test should tell: uncaught errors, console errors, refused and failed requests. */
interface PageLog {
  readonly page: Page;
  readonly uncaught: string[];
  readonly events: string[];
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Pages in fresh browser contexts (Thai locale, Bangkok time), each closed by `closeAll` after its
 * test: a test that fails part-way must not leave its page (and its live stream) holding connections.
 *
 * Each page is watched while it lives. An uncaught error in a page fails its test (a console that
 * throws shows a person a broken screen, whatever the test was looking at). When a test fails
 * (test/support/e2e-environment.js says so), each page leaves a screenshot in
 * test-results/console-failures and the run's output says what it showed: its address, its open
 * dialogs and alerts, and the last errors and failed requests, so a failure on CI can be read.
 */
export class BrowserPages {
  private readonly open: BrowserContext[] = [];
  private readonly logs: PageLog[] = [];

  constructor(private readonly browser: () => Browser) {}

  async newPage(
    options: { height?: number; acceptDownloads?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    // Reduced motion, as a person may ask of their system: the console then animates nothing, so a click
    // never lands on a dialog still opening or closing on a busy machine (the console honours it: App.tsx).
    const context = await this.browser().newContext({
      viewport: { width: 1280, height: options.height ?? 800 },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
      acceptDownloads: options.acceptDownloads ?? true,
      reducedMotion: 'reduce',
    });
    this.open.push(context);
    const page = await context.newPage();
    // Generous: the CI machine is shared, and a slow first paint is not what these tests judge.
    page.setDefaultTimeout(60_000);
    page.setDefaultNavigationTimeout(90_000);
    this.watch(page);
    return { context, page };
  }

  /** Watches a page opened some other way (a second tab of a context this opened). */
  watch(page: Page): void {
    const log: PageLog = { page, uncaught: [], events: [] };
    this.logs.push(log);
    const note = (line: string) => {
      log.events.push(`${new Date().toISOString().slice(11, 23)} ${clip(line)}`);
      if (log.events.length > 30) log.events.shift();
    };
    page.on('pageerror', (error) => {
      log.uncaught.push(clip(error.stack ?? error.message, 1200));
      note(`uncaught: ${error.message}`);
    });
    page.on('console', (message) => message.type() === 'error' && note(`console error: ${message.text()}`));
    page.on(
      'response',
      (response) =>
        response.status() >= 400 && note(`${response.status()} ${response.request().method()} ${response.url()}`),
    );
    page.on('requestfailed', (request) =>
      note(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`),
    );
  }

  async closeAll(): Promise<void> {
    const logs = this.logs.splice(0);
    const failed = (globalThis as { __currentTestFailed?: boolean }).__currentTestFailed === true;
    if (failed) await Promise.all(logs.map((log, n) => describePage(log, n)));
    await Promise.all(this.open.splice(0).map((c) => c.close().catch(() => undefined)));
    const uncaught = logs.flatMap((log) => log.uncaught);
    if (uncaught.length > 0 && !failed)
      throw new Error(`the console threw ${uncaught.length} uncaught error(s):\n${uncaught.join('\n---\n')}`);
  }
}

/** Where a failing test's pages leave their screenshots. */
export const FAILURE_SHOTS = join(__dirname, '../../test-results/console-failures');

async function describePage(log: PageLog, n: number): Promise<void> {
  const { page } = log;
  if (page.isClosed()) return;
  const test = (expect.getState().currentTestName ?? 'test').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
  const lines = [`--- page ${n + 1} of the failed test "${expect.getState().currentTestName}": ${page.url()}`];
  try {
    mkdirSync(FAILURE_SHOTS, { recursive: true });
    const shot = join(FAILURE_SHOTS, `${test}-${n + 1}.png`);
    await page.screenshot({ path: shot, fullPage: true, timeout: 10_000 });
    lines.push(`screenshot: ${shot}`);
    // The test's data is fictitious; what a person would read on screen is what helps most.
    const shown = await page.evaluate<
      string[]
    >(`[...document.querySelectorAll('[role=dialog], [role=alert], [role=status], .ant-form-item-explain')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => (e.getAttribute('role') ?? 'explain') + ': ' + e.innerText.replace(/\\s+/g, ' ').slice(0, 300))`);
    lines.push(...shown.map((s) => `shown ${s}`));
    const main = await page.evaluate<string>(
      `(document.querySelector('main, #main, body')?.innerText ?? '').replace(/\\s+/g, ' ').slice(0, 600)`,
    );
    lines.push(`text: ${main}`);
  } catch (error) {
    lines.push(`(could not read the page: ${(error as Error).message})`);
  }
  lines.push(...log.events.map((e) => `event ${e}`));
  console.log(lines.join('\n'));
}

/** What a browser suite of the console shares: an API serving the console, Chromium, the secretariat's token, pages and people. */
export interface ConsoleSuite {
  readonly api: ApiHarness;
  /** The console's address, on the API's own port. */
  readonly base: string;
  readonly browser: Browser;
  /** The secretariat (a coordinator of PSDHS-SK), as a bearer header for the API. */
  readonly secretariat: { Authorization: string };
  readonly pages: BrowserPages;
  /** A fresh page in a fresh context (1280 wide; `height` as asked). */
  newPage(options?: { height?: number }): Promise<Page>;
  /** Signs in through the form; waits for the live stream to connect unless `live` is false. */
  signIn: (
    page: Page,
    username: string,
    password: string,
    secret?: string,
    options?: { live?: boolean },
  ) => Promise<void>;
  /** Adds a person through the API and takes them through their first sign-in; answers their TOTP secret, if any. */
  readyUser: (username: string, role: string, password: string, agency: string) => Promise<string | undefined>;
}

/**
 * Registers a browser suite's set-up and tear-down (Jest's beforeAll, afterAll and afterEach) and
 * answers what its tests use. A suite's own beforeAll, declared after, runs after this one.
 */
export function consoleSuite(
  options: { env?: Record<string, string>; start?: () => Promise<ApiHarness> } = {},
): ConsoleSuite {
  let started: { api: ApiHarness; base: string; browser: Browser; secretariat: { Authorization: string } } | undefined;
  let api: ApiHarness | undefined;
  let browser: Browser | undefined;
  const ready = () => {
    if (!started) throw new Error('the console suite has not started (use it inside tests or a later beforeAll)');
    return started;
  };
  beforeAll(async () => {
    api = options.start
      ? await options.start()
      : await startApi({ READ_YOUR_WRITES_TIMEOUT_MS: '30000', ...options.env });
    const base = await serveConsole(api);
    const secretariat = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    browser = await launchChromium();
    started = { api, base, browser, secretariat };
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  const pages = new BrowserPages(() => ready().browser);
  afterEach(() => pages.closeAll());
  return {
    get api() {
      return ready().api;
    },
    get base() {
      return ready().base;
    },
    get browser() {
      return ready().browser;
    },
    get secretariat() {
      return ready().secretariat;
    },
    pages,
    newPage: async (page = {}) => (await pages.newPage(page)).page,
    signIn: (page, username, password, secret, how = {}) =>
      signIn(page, ready().base, { username, password, secret }, { live: how.live ?? true }),
    readyUser: (username, role, password, agency) =>
      readyUser(ready().api, ready().secretariat.Authorization, { username, role, password, agency }),
  };
}
