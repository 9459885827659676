import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { DeactivateAgencyRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { DeactivateAgencyDto } from './deactivate-agency.dto';
import { agencyCode } from '../agency-code';
import { ApiController } from '../../http/controllers';

@ApiController('agencies', 'api/v1/agencies')
export class DeactivateAgencyController {
  constructor(private readonly commands: CommandHttp) {}

  @Post(':code/deactivation')
  @OperationId('AgencyDirectoryController_deactivate')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  deactivate(
    @Param('code') code: string,
    @Body() body: DeactivateAgencyDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new DeactivateAgencyRequest({ code: agencyCode(code), ...body }, context));
  }
}
