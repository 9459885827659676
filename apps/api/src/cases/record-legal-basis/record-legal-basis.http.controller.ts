import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RecordLegalBasisRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RecordLegalBasisDto } from './record-legal-basis.dto';
import { UpdateController } from '../../http/controllers';

/** A legal basis for sharing the person's data, in place of consent. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class RecordLegalBasisController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('legal-basis')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_legalBasis')
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกฐานทางกฎหมาย / Legal basis recorded' })
  legalBasis(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordLegalBasisDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordLegalBasisRequest({ caseId, ...body }, context));
  }
}
