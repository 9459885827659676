import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { UserAccounts } from '@ruamjai/identity';
import { UpdateCommand } from '../../../http/command-http';
import { validUsername } from '../../../http/username-param';
import { writtenUserAnswer } from '../user-answer';
import { UserCommandAnswerDto } from '../users.dto';
import { ChangeUserRoleDto } from './change-user-role.dto';
import { OperationId } from '../../../http/operation-id';
import { ApiController } from '../../../http/controllers';

/** The secretariat changes a person's role or agency, with a reason; the person signs in again. */
@ApiController('users', 'api/v1/users')
export class ChangeUserRoleController {
  constructor(private readonly accounts: UserAccounts) {}

  @Post(':username/role-changes')
  @HttpCode(201)
  @OperationId('UsersController_changeRole')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: UserCommandAnswerDto })
  async changeRole(
    @Param('username') name: string,
    @Body() body: ChangeUserRoleDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    const outcome = await this.accounts.changeRole(validUsername(name), body, context);
    return writtenUserAnswer(outcome, name);
  }
}
