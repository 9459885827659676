import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ChangeAgencyTypeRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ChangeAgencyTypeDto } from './change-agency-type.dto';
import { agencyCode } from '../agency-code';
import { ApiController } from '../../http/controllers';

@ApiController('agencies', 'api/v1/agencies')
export class ChangeAgencyTypeController {
  constructor(private readonly commands: CommandHttp) {}

  @Post(':code/type-changes')
  @OperationId('AgencyDirectoryController_changeType')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeType(
    @Param('code') code: string,
    @Body() body: ChangeAgencyTypeDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ChangeAgencyTypeRequest({ code: agencyCode(code), ...body }, context));
  }
}
