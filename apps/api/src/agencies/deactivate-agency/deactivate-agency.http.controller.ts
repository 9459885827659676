import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { DeactivateAgencyRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { DeactivateAgencyDto } from './deactivate-agency.dto';
import { agencyCode } from '../agency-code';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('api/v1/agencies')
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
