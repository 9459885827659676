import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { ReopenCaseRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ReasonDto } from '../reason.dto';
import { UpdateController } from '../../http/controllers';

/** Reopens a closed case, with a reason. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class ReopenCaseController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('reopening')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_reopen')
  @ApiCreatedResponse({ type: CommandResponseDto })
  reopen(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ReasonDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new ReopenCaseRequest({ caseId, ...body }, context));
  }
}
