import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ChangeAgencyDistrictRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ChangeAgencyDistrictDto } from './change-agency-district.dto';
import { agencyCode } from '../agency-code';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('api/v1/agencies')
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
