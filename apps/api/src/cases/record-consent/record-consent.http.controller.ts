import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RecordConsentRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RecordConsentDto } from './record-consent.dto';
import { UpdateController } from '../../http/controllers';

/** The person's consent to share their data with agencies. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
export class RecordConsentController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('consents')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_consent')
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกความยินยอม / Consent recorded' })
  consent(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordConsentDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordConsentRequest({ caseId, ...body }, context));
  }
}
