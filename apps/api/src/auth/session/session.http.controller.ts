import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { UserAccounts } from '@ruamjai/identity';
import type { Actor } from '@ruamjai/kernel';
import { Public } from '@ruamjai/security';
import { CurrentActor } from '../../http/command-http';
import { withReplyHeaders } from '../../http/reply-headers';
import { MeDto, SignInAnswerDto, SignInMethodsDto } from '../auth.dto';
import { readCookies } from '../sign-in/cookies';
import { clearedSessionCookies, REFRESH_COOKIE } from '../sign-in/session-cookies';
import {
  checkCsrf,
  embeddedOff,
  externalTokens,
  sessionEnded,
  sessionStarted,
  type CookieRequest,
} from '../sign-in/sign-in-answer';
import { OperationId } from '../../http/operation-id';

/**
 * The console's session once signed in (by a password or through the OpenID provider): renewed with
 * the refresh cookie, ended by signing out, asked who it is; and, before, which ways to sign in are open.
 */
@ApiTags('auth')
@Controller('api/v1/auth')
export class SessionController {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @OperationId('SignInController_refresh')
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: 'The value of the ruamjai_csrf cookie' })
  @ApiOkResponse({ type: SignInAnswerDto, description: 'A new access token; the refresh cookie is rotated' })
  async refresh(@Req() request: CookieRequest): Promise<SignInAnswerDto> {
    // Sessions opened by a password or by the OpenID provider refresh alike.
    if (externalTokens(this.config)) throw embeddedOff();
    checkCsrf(request);
    const token = readCookies(request)[REFRESH_COOKIE];
    const session = token ? await this.accounts.refresh(token) : undefined;
    // The browser forgets a session that has ended.
    if (!session) throw sessionEnded(clearedSessionCookies());
    return sessionStarted(session, request, this.config);
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  @OperationId('SignInController_signOut')
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: 'The value of the ruamjai_csrf cookie' })
  async signOut(@Req() request: CookieRequest): Promise<object> {
    checkCsrf(request);
    const token = readCookies(request)[REFRESH_COOKIE];
    if (token) await this.accounts.signOut(token, request.id);
    return withReplyHeaders({}, { 'Set-Cookie': clearedSessionCookies() });
  }

  @Public()
  @Get('methods')
  @OperationId('SignInController_methods')
  @ApiOkResponse({
    type: SignInMethodsDto,
    description: 'วิธีเข้าสู่ระบบที่เปิดอยู่ สำหรับหน้าเข้าสู่ระบบ / The ways to sign in that are open, for the sign-in page',
  })
  methods(): SignInMethodsDto {
    const { mode } = this.config.auth;
    const oidc = this.config.oidc;
    const methods = {
      password: !externalTokens(this.config) && mode !== 'oidc',
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
  @OperationId('SignInController_me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor, @Req() request: CookieRequest): Promise<MeDto> {
    const { user } = await this.accounts.load(actor.id);
    return {
      username: actor.id,
      displayName: user?.displayName ?? actor.id,
      role: actor.role,
      agency: actor.agency,
      province: actor.province,
      ...(request.sessionId ? { sessionId: request.sessionId } : {}),
    };
  }
}
