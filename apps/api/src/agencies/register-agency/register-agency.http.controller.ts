import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { RegisterAgencyRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, CreateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RegisterAgencyDto } from './register-agency.dto';
import { ApiController } from '../../http/controllers';

@ApiController('agencies', 'api/v1/agencies')
export class RegisterAgencyController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @OperationId('AgencyDirectoryController_register')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ลงทะเบียนหน่วยงานแล้ว / Registered' })
  register(@Body() body: RegisterAgencyDto, @CreateCommand() context: CommandContext): Promise<CommandResponse> {
    return this.commands.execute(new RegisterAgencyRequest(body, context), `/api/v1/agencies/${body.code}`);
  }
}
