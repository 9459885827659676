import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RecordIdentificationRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RecordIdentificationDto } from './record-identification.dto';
import { UpdateController } from '../../http/controllers';

/** The multidisciplinary team's identification of the person. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class RecordIdentificationController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('identification')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_identify')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ผลการคัดแยกโดยทีมสหวิชาชีพ / Multidisciplinary team identification recorded',
  })
  identify(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordIdentificationDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordIdentificationRequest({ caseId, ...body }, context));
  }
}
