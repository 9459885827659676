import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { RecordLegalBasisRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RecordLegalBasisDto } from './record-legal-basis.dto';

/** A legal basis for sharing the person's data, in place of consent. A sub-resource of the case; needs the case ETag as If-Match. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The case ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/cases/:caseId')
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
