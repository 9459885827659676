import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { AdvanceNrmStageRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { AdvanceNrmStageDto } from './advance-nrm-stage.dto';
import { UpdateController } from '../../http/controllers';

/** Moves the case to its next stage of the national referral mechanism. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class AdvanceNrmStageController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('stage-changes')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_advance')
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ขั้นตอนกลไกส่งต่อระดับชาติ (NRM) ถัดไป / Next NRM stage' })
  advance(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: AdvanceNrmStageDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new AdvanceNrmStageRequest({ caseId, ...body }, context));
  }
}
