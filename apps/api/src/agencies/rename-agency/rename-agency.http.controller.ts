import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { RenameAgencyRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RenameAgencyDto } from './rename-agency.dto';
import { agencyCode } from '../agency-code';
import { ApiController } from '../../http/controllers';

@ApiController('agencies', 'api/v1/agencies')
export class RenameAgencyController {
  constructor(private readonly commands: CommandHttp) {}

  @Post(':code/name-changes')
  @OperationId('AgencyDirectoryController_rename')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  rename(
    @Param('code') code: string,
    @Body() body: RenameAgencyDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RenameAgencyRequest({ code: agencyCode(code), ...body }, context));
  }
}
