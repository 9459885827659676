import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { UserAccounts } from '@ruamjai/identity';
import { Public } from '@ruamjai/security';
import { SignInAnswerDto } from '../auth.dto';
import { embeddedOnly, signInAnswer, type CookieRequest } from '../sign-in/sign-in-answer';
import { PasswordChangeDto } from './password-change.dto';
import { OperationId } from '../../http/operation-id';

/** First sign-in: the one-time password is replaced; the answer is the next step, or the session. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class PasswordChangeController {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('password-change')
  @HttpCode(200)
  @OperationId('SignInController_changePassword')
  @ApiOkResponse({ type: SignInAnswerDto })
  async changePassword(@Body() body: PasswordChangeDto, @Req() request: CookieRequest): Promise<SignInAnswerDto> {
    embeddedOnly(this.config);
    return signInAnswer(
      await this.accounts.completePasswordChange(body.challenge, body.newPassword, request.ip, request.id),
      request,
      this.config,
    );
  }
}
