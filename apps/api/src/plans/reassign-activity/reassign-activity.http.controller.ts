import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReassignActivityRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReassignActivityDto } from './reassign-activity.dto';

@ApiTags('plan structure')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class ReassignActivityController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('activities/:activityId/reassignment')
  @OperationId('PlanStructureController_reassignActivity')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  reassignActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ReassignActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ReassignActivityRequest({ planId, activityId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
