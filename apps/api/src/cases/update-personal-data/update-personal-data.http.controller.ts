import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { UpdatePersonalDataRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { UpdatePersonalDataDto } from './update-personal-data.dto';
import { UpdateController } from '../../http/controllers';

/** Replaces the person's sealed personal data. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class UpdatePersonalDataController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('personal-data-updates')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_update')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'แก้ไขข้อมูลส่วนบุคคล (เข้ารหัส) / Personal data replaced (sealed); the answer echoes none of it',
  })
  update(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: UpdatePersonalDataDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new UpdatePersonalDataRequest({ caseId, ...body }, context));
  }
}
