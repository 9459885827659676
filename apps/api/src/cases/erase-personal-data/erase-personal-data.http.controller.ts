import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { ErasePersonalDataRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ErasePersonalDataDto } from './erase-personal-data.dto';
import { UpdateController } from '../../http/controllers';

/** Erases the person's data on their request by destroying its key. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class ErasePersonalDataController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('erasure')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_erase')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ลบข้อมูลส่วนบุคคล (ทำลายกุญแจ) / Personal data erased: the key is destroyed (coordinator)',
  })
  erase(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ErasePersonalDataDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new ErasePersonalDataRequest({ caseId, ...body }, context));
  }
}
