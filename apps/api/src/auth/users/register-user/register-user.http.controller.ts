import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { UserAccounts } from '@ruamjai/identity';
import { CreateCommand } from '../../../http/command-http';
import { writtenUserAnswer } from '../user-answer';
import { UserCommandAnswerDto } from '../users.dto';
import { RegisterUserDto } from './register-user.dto';
import { OperationId } from '../../../http/operation-id';
import { ApiController } from '../../../http/controllers';

/** The secretariat adds a person: the answer carries their one-time password, shown once. */
@ApiController('users', 'api/v1/users')
export class RegisterUserController {
  constructor(private readonly accounts: UserAccounts) {}

  @Post()
  @HttpCode(201)
  @OperationId('UsersController_register')
  @ApiCreatedResponse({
    type: UserCommandAnswerDto,
    description: 'เพิ่มผู้ใช้แล้ว พร้อมรหัสผ่านใช้ครั้งเดียว / Added, with a one-time password',
  })
  async register(
    @Body() body: RegisterUserDto,
    @CreateCommand() context: CommandContext,
  ): Promise<UserCommandAnswerDto> {
    // A centre adds the people of its own province.
    const { outcome, oneTimePassword } = await this.accounts.register(
      { ...body, province: context.actor.province },
      context,
    );
    return { ...writtenUserAnswer(outcome, body.username), oneTimePassword };
  }
}
