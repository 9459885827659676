import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { UserAccounts } from '@ruamjai/identity';
import { UpdateCommand } from '../../../http/command-http';
import { validUsername } from '../../../http/username-param';
import { writtenUserAnswer } from '../user-answer';
import { UserCommandAnswerDto } from '../users.dto';
import { OperationId } from '../../../http/operation-id';
import { ApiController } from '../../../http/controllers';

/** The secretariat gives a person a new one-time password (shown once); their sessions end. */
@ApiController('users', 'api/v1/users')
export class ResetPasswordController {
  constructor(private readonly accounts: UserAccounts) {}

  @Post(':username/password-reset')
  @HttpCode(201)
  @OperationId('UsersController_resetPassword')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: UserCommandAnswerDto, description: 'รหัสผ่านใช้ครั้งเดียวใหม่ / A new one-time password' })
  async resetPassword(
    @Param('username') name: string,
    @UpdateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    const { outcome, oneTimePassword } = await this.accounts.resetPassword(validUsername(name), context);
    return { ...writtenUserAnswer(outcome, name), oneTimePassword };
  }
}
