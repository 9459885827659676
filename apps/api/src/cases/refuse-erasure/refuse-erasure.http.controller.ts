import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RefuseErasureRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RefuseErasureDto } from './refuse-erasure.dto';
import { UpdateController } from '../../http/controllers';

/** Refuses a request for erasure on a legal ground. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class RefuseErasureController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('erasure-refusals')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_refuseErasure')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ปฏิเสธคำขอลบพร้อมเหตุผลทางกฎหมาย / Erasure refused on a legal ground (coordinator)',
  })
  refuseErasure(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RefuseErasureDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RefuseErasureRequest({ caseId, ...body }, context));
  }
}
