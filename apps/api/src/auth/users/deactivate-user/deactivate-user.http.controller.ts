import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { UserAccounts } from '@ruamjai/identity';
import { UpdateCommand } from '../../../http/command-http';
import { validUsername } from '../../../http/username-param';
import { writtenUserAnswer } from '../user-answer';
import { UserCommandAnswerDto } from '../users.dto';
import { DeactivateUserDto } from './deactivate-user.dto';
import { OperationId } from '../../../http/operation-id';
import { ApiController } from '../../../http/controllers';

/** The secretariat deactivates an account, with a reason; its sessions end at once. */
@ApiController('users', 'api/v1/users')
export class DeactivateUserController {
  constructor(private readonly accounts: UserAccounts) {}

  @Post(':username/deactivation')
  @HttpCode(201)
  @OperationId('UsersController_deactivate')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: UserCommandAnswerDto })
  async deactivate(
    @Param('username') name: string,
    @Body() body: DeactivateUserDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    const outcome = await this.accounts.deactivate(validUsername(name), body.reason, context);
    return writtenUserAnswer(outcome, name);
  }
}
