import { Controller, Get, HttpCode, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { mapProviderClaims, UserAccounts, type ProviderRefusal } from '@ruamjai/identity';
import { Public } from '@ruamjai/security';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../../http/problem';
import { cookie, readCookies } from '../sign-in/cookies';
import { REFRESH_COOKIE, sessionCookies } from '../sign-in/session-cookies';
import { Redirect } from '../../http/reply-headers';
import { OidcCallbackFailed, OidcRelyingParty, TRANSACTION_SECONDS, type CallbackFailure } from './oidc-relying-party';

/** The relying party, or null when AUTH_MODE=embedded. */
export const OIDC_RELYING_PARTY = Symbol('OIDC_RELYING_PARTY');

/** State, nonce and PKCE verifier between the start and the callback (signed, httpOnly, SameSite=Lax). */
export const OIDC_TRANSACTION_COOKIE = 'ruamjai_oidc';
/**
 * The provider's ID token, kept for one thing: the hint that ends the person's session at the
 * provider when they sign out here (httpOnly, SameSite=Strict, sent to the OpenID routes only).
 */
export const OIDC_ID_TOKEN_COOKIE = 'ruamjai_oidc_id';
const OIDC_PATH = '/api/v1/auth/oidc';
const CALLBACK_SUFFIX = '/api/v1/auth/oidc/callback';

const disabled = () =>
  new HttpProblem(404, 'AUTH.OIDC_DISABLED', {
    th: 'ระบบนี้ไม่ได้เปิดการเข้าสู่ระบบผ่านผู้ให้บริการยืนยันตัวตน (OpenID Connect)',
    en: 'Sign-in through an OpenID Connect provider is not configured on this server',
  });

const stateInvalid = () =>
  new HttpProblem(400, 'AUTH.OIDC_STATE_INVALID', {
    th: 'ขั้นตอนเข้าสู่ระบบไม่ตรงกับที่เริ่มไว้ หรือหมดเวลาแล้ว กรุณากดเข้าสู่ระบบใหม่อีกครั้ง',
    en: 'This sign-in does not match the one started here, or it expired; start the sign-in again',
  });

function callbackProblem(failure: CallbackFailure, provider: string): HttpProblem {
  switch (failure) {
    case 'provider_unavailable':
      return new HttpProblem(
        503,
        'AUTH.OIDC_PROVIDER_UNAVAILABLE',
        {
          th: `ติดต่อ ${provider} ไม่ได้ในขณะนี้ กรุณาลองใหม่ภายหลัง`,
          en: `${provider} cannot be reached just now; try again later`,
        },
        {},
        { 'Retry-After': '30' },
      );
    case 'provider_refused':
      return new HttpProblem(401, 'AUTH.OIDC_PROVIDER_REFUSED', {
        th: `${provider} ไม่ได้ยืนยันตัวตนให้ (ยกเลิกหรือถูกปฏิเสธ) กรุณาลองใหม่`,
        en: `${provider} did not confirm who you are (cancelled or refused); try again`,
      });
    case 'not_verified':
      return new HttpProblem(401, 'AUTH.OIDC_NOT_VERIFIED', {
        th: `คำตอบจาก ${provider} ตรวจสอบไม่ผ่าน จึงไม่ได้เข้าสู่ระบบ กรุณาลองใหม่`,
        en: `The answer from ${provider} did not verify, so you are not signed in; try again`,
      });
  }
}

const REFUSALS: Record<ProviderRefusal, { code: string; th: (p: string) => string; en: (p: string) => string }> = {
  no_role: {
    code: 'AUTH.OIDC_NO_ROLE',
    th: (p) => `บัญชีของคุณที่ ${p} ยังไม่ได้รับบทบาทในร่วมใจ จึงเข้าสู่ระบบไม่ได้ กรุณาติดต่อฝ่ายเลขานุการ ศปคม.จ.`,
    en: (p) => `Your ${p} account has no Ruamjai role, so you cannot sign in; ask the centre's secretariat`,
  },
  no_agency: {
    code: 'AUTH.OIDC_NO_AGENCY',
    th: (p) => `บัญชีของคุณที่ ${p} ไม่ได้ระบุหน่วยงานที่ร่วมใจรู้จัก จึงเข้าสู่ระบบไม่ได้ กรุณาติดต่อฝ่ายเลขานุการ ศปคม.จ.`,
    en: (p) => `Your ${p} account names no agency Ruamjai knows, so you cannot sign in; ask the centre's secretariat`,
  },
  invalid_username: {
    code: 'AUTH.OIDC_USERNAME_INVALID',
    th: (p) => `ชื่อผู้ใช้จาก ${p} ใช้ในร่วมใจไม่ได้ (ต้องเป็นอักษรภาษาอังกฤษตัวเล็ก ตัวเลข จุด ขีด 3–64 ตัว) กรุณาติดต่อผู้ดูแลระบบ`,
    en: (p) =>
      `The username from ${p} cannot be used in Ruamjai (3–64 lower-case letters, digits, dots, dashes); ask the administrator`,
  },
  inactive: {
    code: 'AUTH.OIDC_ACCOUNT_INACTIVE',
    th: () => 'บัญชีของคุณในร่วมใจถูกระงับแล้ว กรุณาติดต่อฝ่ายเลขานุการ ศปคม.จ.',
    en: () => "Your Ruamjai account is deactivated; ask the centre's secretariat",
  },
  not_linked: {
    code: 'AUTH.OIDC_ACCOUNT_NOT_LINKED',
    th: (p) => `ชื่อผู้ใช้นี้มีบัญชีในร่วมใจอยู่แล้วแต่ยังไม่ได้ผูกกับ ${p} กรุณาติดต่อฝ่ายเลขานุการ ศปคม.จ.`,
    en: (p) => `This username already has a Ruamjai account not yet bound to ${p}; ask the centre's secretariat`,
  },
  linked_to_another_subject: {
    code: 'AUTH.OIDC_ACCOUNT_LINKED_ELSEWHERE',
    th: (p) => `ชื่อผู้ใช้นี้ในร่วมใจผูกกับบัญชีอื่นที่ ${p} แล้ว กรุณาติดต่อผู้ดูแลระบบ`,
    en: (p) => `This Ruamjai username belongs to another ${p} account; ask the administrator`,
  },
};

const refused = (reason: ProviderRefusal, provider: string) => {
  const text = REFUSALS[reason];
  return new HttpProblem(403, text.code, { th: text.th(provider), en: text.en(provider) });
};

/**
 * Sign-in through the OpenID provider, for the console: `start` sends the browser to the provider,
 * `callback` takes it back, checks everything (state, PKCE, ID token, nonce), maps the claims to a
 * role and agency, and opens the same kind of session as a password sign-in (the refresh and CSRF
 * cookies), then sends the browser to the console. A browser that meets a refusal is sent to the
 * console's sign-in page with the problem's code (the page says it in Thai and English); anything
 * else gets the problem as JSON.
 */
@ApiTags('auth')
@Controller('api/v1/auth/oidc')
export class OidcSignInController {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OIDC_RELYING_PARTY) private readonly relyingParty: OidcRelyingParty | null,
  ) {}

  @Public()
  @Get('start')
  @HttpCode(302)
  @ApiOperation({
    summary: 'เริ่มเข้าสู่ระบบผ่านผู้ให้บริการยืนยันตัวตน / Start signing in through the OpenID provider (open in the browser)',
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: ['th', 'en'],
    description: 'The language the provider’s pages should use, if it can',
  })
  @ApiQuery({
    name: 'prompt',
    required: false,
    enum: ['login'],
    description: 'Ask the provider for the password again, even with a session there',
  })
  @ApiResponse({
    status: 302,
    description: 'To the provider’s authorization endpoint (code flow, PKCE S256, state, nonce)',
  })
  async start(@Req() request: FastifyRequest): Promise<Redirect> {
    const relyingParty = this.enabled();
    const query = request.query as Record<string, unknown>;
    const uiLocales = query.lang === 'en' ? 'en th' : query.lang === 'th' ? 'th en' : undefined;
    let started: { url: string; transaction: string };
    try {
      started = await relyingParty.start({ uiLocales, promptLogin: query.prompt === 'login' });
    } catch (error) {
      if (!(error instanceof OidcCallbackFailed)) throw error;
      request.log.warn(
        { failure: error.failure, detail: error.detail },
        'OpenID provider unavailable at sign-in start',
      );
      return this.fail(request, callbackProblem(error.failure, relyingParty.settings.providerName));
    }
    const transaction = cookie(OIDC_TRANSACTION_COOKIE, started.transaction, {
      httpOnly: true,
      secure: request.protocol === 'https',
      path: OIDC_PATH,
      maxAge: TRANSACTION_SECONDS,
      sameSite: 'Lax',
    });
    return new Redirect(started.url, 302, { 'Set-Cookie': [transaction], 'Cache-Control': 'no-store' });
  }

  @Public()
  @Get('callback')
  @HttpCode(303)
  @ApiOperation({ summary: 'ผู้ให้บริการส่งกลับมาที่นี่ / Where the provider sends the browser back' })
  @ApiResponse({
    status: 303,
    description:
      'Signed in: to the console, with the refresh and CSRF cookies set (the console then calls POST /api/v1/auth/refresh)',
  })
  @ApiResponse({
    status: 400,
    description: 'AUTH.OIDC_STATE_INVALID: no sign-in was started here, it expired, or the state does not match',
  })
  @ApiResponse({
    status: 403,
    description:
      'The provider vouched for the person but their claims give no role or agency (AUTH.OIDC_NO_ROLE, …): recorded, not signed in',
  })
  async callback(@Req() request: FastifyRequest): Promise<Redirect> {
    const relyingParty = this.enabled();
    const provider = relyingParty.settings.providerName;
    const url = request.raw.url ?? '';
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const transaction = await relyingParty.readTransaction(readCookies(request)[OIDC_TRANSACTION_COOKIE]);
    // One use: whatever happens next, this transaction is spent.
    const spent = cookie(OIDC_TRANSACTION_COOKIE, '', {
      httpOnly: true,
      secure: request.protocol === 'https',
      path: OIDC_PATH,
      maxAge: 0,
      sameSite: 'Lax',
    });
    if (!transaction || new URLSearchParams(query).get('state') !== transaction.state) {
      request.log.warn({ transaction: Boolean(transaction) }, 'OpenID callback with a missing or mismatched state');
      return this.fail(request, stateInvalid(), spent);
    }
    let answer: Awaited<ReturnType<OidcRelyingParty['complete']>>;
    try {
      answer = await relyingParty.complete(query, transaction);
    } catch (error) {
      if (!(error instanceof OidcCallbackFailed)) throw error;
      request.log.warn({ failure: error.failure, detail: error.detail }, 'OpenID callback failed');
      return this.fail(request, callbackProblem(error.failure, provider), spent);
    }
    const identity = mapProviderClaims(answer.claims, relyingParty.settings);
    const outcome = await this.accounts.signInThroughProvider(answer.link, identity, request.ip, request.id);
    if (outcome.kind === 'refused') {
      request.log.warn({ reason: outcome.reason, subject: answer.link.subject }, 'OpenID sign-in refused');
      return this.fail(request, refused(outcome.reason, provider), spent);
    }
    const { setCookie } = sessionCookies(outcome.session, request, this.config.auth.sessionMaxSeconds);
    const idToken = cookie(OIDC_ID_TOKEN_COOKIE, answer.idToken, {
      httpOnly: true,
      secure: request.protocol === 'https',
      path: OIDC_PATH,
      maxAge: this.config.auth.sessionMaxSeconds,
    });
    return new Redirect(this.consoleUrl(relyingParty), 303, {
      'Set-Cookie': [spent, ...setCookie, idToken],
      'Cache-Control': 'no-store',
    });
  }

  /**
   * After signing out here (POST /api/v1/auth/sign-out), the console sends the browser here to end
   * the session at the provider too, so that the next person at a shared desk cannot walk back in
   * through the provider's still-open session. Only a browser that has signed out of Ruamjai (no
   * refresh cookie) and carries the ID token (a SameSite=Strict cookie, never sent from another
   * site) is sent on to the provider; any other is sent back to the console, having changed nothing.
   */
  @Public()
  @Get('sign-out')
  @HttpCode(303)
  @ApiOperation({
    summary:
      'ออกจากระบบที่ผู้ให้บริการยืนยันตัวตนด้วย / End the session at the OpenID provider too (open in the browser after sign-out)',
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: ['th', 'en'],
    description: 'The language the provider’s pages should use, if it can',
  })
  @ApiResponse({
    status: 303,
    description:
      'To the provider’s end-session endpoint (id_token_hint, post_logout_redirect_uri = the console), or straight back to the console',
  })
  async signOut(@Req() request: FastifyRequest): Promise<Redirect> {
    const relyingParty = this.enabled();
    const cookies = readCookies(request);
    const idToken = cookies[OIDC_ID_TOKEN_COOKIE];
    const home = this.consoleUrl(relyingParty);
    if (!idToken || cookies[REFRESH_COOKIE]) return new Redirect(home, 303, { 'Cache-Control': 'no-store' });
    const forgotten = cookie(OIDC_ID_TOKEN_COOKIE, '', {
      httpOnly: true,
      secure: request.protocol === 'https',
      path: OIDC_PATH,
      maxAge: 0,
    });
    const lang = (request.query as Record<string, unknown>).lang;
    const uiLocales = lang === 'en' ? 'en th' : lang === 'th' ? 'th en' : undefined;
    const target = (await relyingParty.endSessionUrl(idToken, { returnTo: home, uiLocales })) ?? home;
    return new Redirect(target, 303, { 'Set-Cookie': [forgotten], 'Cache-Control': 'no-store' });
  }

  private enabled(): OidcRelyingParty {
    if (!this.relyingParty) throw disabled();
    return this.relyingParty;
  }

  /** The console, where the callback is served from (the redirect URL less the callback's path). */
  private consoleUrl(relyingParty: OidcRelyingParty): string {
    const redirect = relyingParty.settings.redirectUrl;
    return `${redirect.slice(0, redirect.length - CALLBACK_SUFFIX.length)}/`;
  }

  /** A browser goes back to the sign-in page, which says what happened; other callers get the problem. Either way the spent transaction cookie goes. */
  private fail(request: FastifyRequest, problem: HttpProblem, spent?: string): Redirect {
    const accept = request.headers.accept;
    const setCookie: Record<string, string[]> = spent ? { 'Set-Cookie': [spent] } : {};
    if (this.relyingParty && typeof accept === 'string' && accept.includes('text/html')) {
      const target = `${this.consoleUrl(this.relyingParty)}?sign-in-error=${encodeURIComponent(problem.code)}`;
      return new Redirect(target, 303, { ...setCookie, 'Cache-Control': 'no-store' });
    }
    throw new HttpProblem(problem.status, problem.code, problem.messages, problem.extensions, {
      ...problem.headers,
      ...setCookie,
    });
  }
}
