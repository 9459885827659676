import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { UserAccounts } from '@ruamjai/identity';
import { Public } from '@ruamjai/security';
import { SignInAnswerDto } from '../auth.dto';
import { embeddedOnly, signInAnswer, type CookieRequest } from '../sign-in/sign-in-answer';
import { SecondFactorEnrolmentDto } from './second-factor.dto';
import { OperationId } from '../../http/operation-id';

/** First sign-in, for the roles that need one: the authenticator app's first code enrols the second factor. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class SecondFactorEnrolmentController {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('second-factor')
  @HttpCode(200)
  @OperationId('SignInController_enrolSecondFactor')
  @ApiOkResponse({ type: SignInAnswerDto })
  async enrolSecondFactor(
    @Body() body: SecondFactorEnrolmentDto,
    @Req() request: CookieRequest,
  ): Promise<SignInAnswerDto> {
    embeddedOnly(this.config);
    return signInAnswer(
      await this.accounts.completeEnrolment(body.challenge, body.code, request.ip, request.id),
      request,
      this.config,
    );
  }
}
