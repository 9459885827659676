import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { RecordIdentificationRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RecordIdentificationDto } from './record-identification.dto';

/** The multidisciplinary team's identification of the person. A sub-resource of the case; needs the case ETag as If-Match. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The case ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/cases/:caseId')
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
