import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { UserAccounts, type IssuedSession, type SignInOutcome } from '@ruamjai/identity';
import type { Actor } from '@ruamjai/kernel';
import { Public } from '@ruamjai/security';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { CurrentActor } from '../../http/command-http';
import { readCookies } from './cookies';
import { clearedSessionCookies, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE, sessionCookies } from './session-cookies';
import { withReplyHeaders } from '../../http/reply-headers';
import { HttpProblem } from '../../http/problem';
import {
  MeDto,
  PasswordChangeDto,
  SecondFactorEnrolmentDto,
  SignInAnswerDto,
  SignInDto,
  SignInMethodsDto,
} from '../auth.dto';

export { CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE };

type CookieRequest = FastifyRequest & { actor?: Actor; sessionId?: string };

const signInFailed = () =>
  new HttpProblem(
    401,
    'AUTH.SIGN_IN_FAILED',
    { th: 'ชื่อผู้ใช้ รหัสผ่าน หรือรหัสยืนยันไม่ถูกต้อง', en: 'The username, password or code is not right' },
    {},
    { 'WWW-Authenticate': 'Bearer realm="ruamjai"' },
  );
const sessionEnded = (setCookie: readonly string[]) =>
  new HttpProblem(
    401,
    'AUTH.SESSION_ENDED',
    { th: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่', en: 'The session has ended; sign in again' },
    {},
    { 'WWW-Authenticate': 'Bearer realm="ruamjai"', 'Set-Cookie': setCookie },
  );
const csrfRefused = () =>
  new HttpProblem(403, 'AUTH.CSRF_TOKEN_INVALID', {
    th: 'คำขอนี้ไม่ได้มาจากหน้าจอของระบบ (โทเคน CSRF ไม่ตรงกัน)',
    en: 'The request did not come from the console (CSRF token mismatch)',
  });
const embeddedOff = () =>
  new HttpProblem(404, 'AUTH.EMBEDDED_SIGN_IN_DISABLED', {
    th: 'การเข้าสู่ระบบด้วยรหัสผ่านปิดอยู่ เพราะใช้ผู้ให้บริการยืนยันตัวตนภายนอก',
    en: 'Password sign-in is off: an external identity provider issues the tokens',
  });

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The embedded sign-in: password and TOTP, the first-sign-in steps, and sessions. The access token is
 * short-lived and held by the console in memory; the refresh token lives in an httpOnly,
 * SameSite=Strict cookie (Secure over https) sent only to these routes, and each cookie-authenticated
 * call must echo the CSRF cookie in X-CSRF-Token (double submit).
 */
@ApiTags('auth')
@Controller('api/v1/auth')
export class SignInController {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOkResponse({
    type: SignInAnswerDto,
    description: 'เข้าสู่ระบบแล้ว หรือขั้นตอนถัดไปของการเข้าสู่ระบบครั้งแรก / Signed in, or the next first-sign-in step',
  })
  async signIn(@Body() body: SignInDto, @Req() request: CookieRequest): Promise<SignInAnswerDto> {
    this.embeddedOnly();
    return this.answer(
      await this.accounts.signIn(body.username.toLowerCase(), body.password, body.code, request.ip, request.id),
      request,
    );
  }

  @Public()
  @Post('password-change')
  @HttpCode(200)
  @ApiOkResponse({ type: SignInAnswerDto })
  async changePassword(@Body() body: PasswordChangeDto, @Req() request: CookieRequest): Promise<SignInAnswerDto> {
    this.embeddedOnly();
    return this.answer(
      await this.accounts.completePasswordChange(body.challenge, body.newPassword, request.ip, request.id),
      request,
    );
  }

  @Public()
  @Post('second-factor')
  @HttpCode(200)
  @ApiOkResponse({ type: SignInAnswerDto })
  async enrolSecondFactor(
    @Body() body: SecondFactorEnrolmentDto,
    @Req() request: CookieRequest,
  ): Promise<SignInAnswerDto> {
    this.embeddedOnly();
    return this.answer(
      await this.accounts.completeEnrolment(body.challenge, body.code, request.ip, request.id),
      request,
    );
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: 'The value of the ruamjai_csrf cookie' })
  @ApiOkResponse({ type: SignInAnswerDto, description: 'A new access token; the refresh cookie is rotated' })
  async refresh(@Req() request: CookieRequest): Promise<SignInAnswerDto> {
    // Sessions opened by a password or by the OpenID provider refresh alike.
    if (this.externalTokens()) throw embeddedOff();
    this.checkCsrf(request);
    const token = readCookies(request)[REFRESH_COOKIE];
    const session = token ? await this.accounts.refresh(token) : undefined;
    // The browser forgets a session that has ended.
    if (!session) throw sessionEnded(clearedSessionCookies());
    return this.started(session, request);
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: 'The value of the ruamjai_csrf cookie' })
  async signOut(@Req() request: CookieRequest): Promise<object> {
    this.checkCsrf(request);
    const token = readCookies(request)[REFRESH_COOKIE];
    if (token) await this.accounts.signOut(token, request.id);
    return withReplyHeaders({}, { 'Set-Cookie': clearedSessionCookies() });
  }

  @Public()
  @Get('methods')
  @ApiOkResponse({
    type: SignInMethodsDto,
    description: 'วิธีเข้าสู่ระบบที่เปิดอยู่ สำหรับหน้าเข้าสู่ระบบ / The ways to sign in that are open, for the sign-in page',
  })
  methods(): SignInMethodsDto {
    const { mode } = this.config.auth;
    const oidc = this.config.oidc;
    const methods = {
      password: !this.externalTokens() && mode !== 'oidc',
      oidc:
        oidc && mode !== 'embedded'
          ? {
              providerName: oidc.providerName,
              startUrl: '/api/v1/auth/oidc/start',
              signOutUrl: '/api/v1/auth/oidc/sign-out',
            }
          : null,
    };
    // Public, and it changes with the configuration: never kept by a cache.
    return withReplyHeaders(methods, { 'Cache-Control': 'no-store' });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor, @Req() request: CookieRequest): Promise<MeDto> {
    const { user } = await this.accounts.load(actor.id);
    return {
      username: actor.id,
      displayName: user?.displayName ?? actor.id,
      role: actor.role,
      agency: actor.agency,
      ...(request.sessionId ? { sessionId: request.sessionId } : {}),
    };
  }

  /** Bearer tokens from an outside issuer (JWT_JWKS_URL, JWT_PUBLIC_KEY): Ruamjai signs no session then. */
  private externalTokens(): boolean {
    return Boolean(this.config.jwt.jwksUrl || this.config.jwt.publicKeyPem);
  }

  /** Password sign-in: off with outside tokens, and under AUTH_MODE=oidc. */
  private embeddedOnly(): void {
    if (this.externalTokens() || this.config.auth.mode === 'oidc') throw embeddedOff();
  }

  private checkCsrf(request: CookieRequest): void {
    const cookie = readCookies(request)[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string' || !sameText(cookie, header)) throw csrfRefused();
  }

  private async answer(outcome: SignInOutcome, request: CookieRequest): Promise<SignInAnswerDto> {
    switch (outcome.kind) {
      case 'signed_in':
        return this.started(outcome.session, request);
      case 'password_change_required':
        return { status: 'password_change_required', challenge: outcome.challenge };
      case 'second_factor_enrolment_required':
        return {
          status: 'second_factor_enrolment_required',
          challenge: outcome.challenge,
          secret: outcome.secret,
          otpauthUri: outcome.otpauthUri,
        };
      case 'locked_out': {
        const seconds = outcome.retryAfterSeconds;
        throw new HttpProblem(
          429,
          'AUTH.LOCKED_OUT',
          {
            th: `บัญชีนี้ถูกล็อกชั่วคราวเพราะใส่รหัสผิดหลายครั้ง ลองใหม่ในอีก ${seconds} วินาที`,
            en: `The account is locked after repeated failures; try again in ${seconds} seconds`,
          },
          { lockedUntil: outcome.until },
          { 'Retry-After': String(seconds) },
        );
      }
      case 'failed':
        throw signInFailed();
    }
  }

  private started(session: IssuedSession, request: CookieRequest): SignInAnswerDto {
    const { csrfToken, setCookie } = sessionCookies(session, request, this.config.auth.sessionMaxSeconds);
    return withReplyHeaders(
      {
        status: 'signed_in',
        accessToken: session.accessToken,
        expiresIn: session.expiresIn,
        csrfToken,
        user: session.user,
      },
      { 'Set-Cookie': setCookie },
    );
  }
}
