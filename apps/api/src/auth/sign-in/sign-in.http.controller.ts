import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { UserAccounts } from '@ruamjai/identity';
import { Public } from '@ruamjai/security';
import { SignInAnswerDto } from '../auth.dto';
import { embeddedOnly, signInAnswer, type CookieRequest } from './sign-in-answer';
import { CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from './session-cookies';
import { SignInDto } from './sign-in.dto';

export { CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE };

/**
 * The embedded sign-in: password and TOTP; the first-sign-in steps follow in password-change/ and
 * second-factor/, the session's life in session/. The access token is short-lived and held by the
 * console in memory; the refresh token lives in an httpOnly, SameSite=Strict cookie (Secure over
 * https) sent only to the auth routes, and each cookie-authenticated call must echo the CSRF cookie
 * in X-CSRF-Token (double submit).
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
    embeddedOnly(this.config);
    return signInAnswer(
      await this.accounts.signIn(body.username.toLowerCase(), body.password, body.code, request.ip, request.id),
      request,
      this.config,
    );
  }
}
