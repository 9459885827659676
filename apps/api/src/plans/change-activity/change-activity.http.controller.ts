import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ChangeActivityRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ChangeActivityDto } from './change-activity.dto';

@ApiTags('plan structure')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class ChangeActivityController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('activities/:activityId/changes')
  @OperationId('PlanStructureController_changeActivity')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ChangeActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ChangeActivityRequest(
        { planId, activityId, ...body, ...(body.targets ? { targets: { ...body.targets } } : {}) },
        context,
      ),
      `/api/v1/plans/${planId}`,
    );
  }
}
