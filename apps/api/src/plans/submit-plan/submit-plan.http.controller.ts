import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { SubmitPlanRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';

/** The coordinator submits the drafted plan for approval: a sub-resource of the plan. */
@ApiTags('plans')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class SubmitPlanController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('submission')
  @OperationId('PlanLifecycleController_submit')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เสนอแผนขออนุมัติแล้ว / Submitted for approval' })
  submit(
    @Param('planId', uuidParam('planId')) planId: string,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new SubmitPlanRequest({ planId }, context));
  }
}
