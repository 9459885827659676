import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RecordScreeningRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RecordScreeningDto } from './record-screening.dto';
import { UpdateController } from '../../http/controllers';

/** Screening of a person found: the trafficking indicators and the form. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class RecordScreeningController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('screening')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_screen')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'คัดกรองแล้ว ไปสู่ขั้นคัดแยก / Screened; moves to identification',
  })
  screen(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordScreeningDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordScreeningRequest({ caseId, ...body }, context));
  }
}
