import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { AssignCaseManagerRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { AssignCaseManagerDto } from './assign-case-manager.dto';
import { UpdateController } from '../../http/controllers';

/** Names the case's manager. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class AssignCaseManagerController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('case-manager')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_assign')
  @ApiCreatedResponse({ type: CommandResponseDto })
  assign(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: AssignCaseManagerDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new AssignCaseManagerRequest({ caseId, ...body }, context));
  }
}
