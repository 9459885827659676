import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { UpdatePersonalDataRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { UpdatePersonalDataDto } from './update-personal-data.dto';

/** Replaces the person's sealed personal data. A sub-resource of the case; needs the case ETag as If-Match. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The case ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/cases/:caseId')
export class UpdatePersonalDataController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('personal-data-updates')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_update')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'แก้ไขข้อมูลส่วนบุคคล (เข้ารหัส) / Personal data replaced (sealed); the answer echoes none of it',
  })
  update(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: UpdatePersonalDataDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new UpdatePersonalDataRequest({ caseId, ...body }, context));
  }
}
