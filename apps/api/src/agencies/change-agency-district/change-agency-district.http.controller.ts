import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ChangeAgencyDistrictRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ChangeAgencyDistrictDto } from './change-agency-district.dto';
import { agencyCode } from '../agency-code';
import { ApiController } from '../../http/controllers';

@ApiController('agencies', 'api/v1/agencies')
export class ChangeAgencyDistrictController {
  constructor(private readonly commands: CommandHttp) {}

  @Post(':code/district-changes')
  @OperationId('AgencyDirectoryController_changeDistrict')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeDistrict(
    @Param('code') code: string,
    @Body() body: ChangeAgencyDistrictDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ChangeAgencyDistrictRequest({ code: agencyCode(code), ...body }, context));
  }
}
