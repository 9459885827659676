import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CloseCaseRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { CloseCaseDto } from './close-case.dto';
import { UpdateController } from '../../http/controllers';

/** Closes the case with an outcome. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class CloseCaseController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('closure')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_close')
  @ApiCreatedResponse({ type: CommandResponseDto })
  close(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: CloseCaseDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new CloseCaseRequest({ caseId, ...body }, context));
  }
}
