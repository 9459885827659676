import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReportActivityProgressRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReportProgressDto } from './report-activity-progress.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan progress', 'api/v1/plans/:planId', 'plan')
export class ReportActivityProgressController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('activities/:activityId/progress-reports')
  @OperationId('PlanProgressController_report')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกผลการดำเนินงานแล้ว / Progress recorded' })
  report(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ReportProgressDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ReportActivityProgressRequest(
        { planId, activityId, ...body, participantsReached: { ...body.participantsReached } },
        context,
      ),
      `/api/v1/plans/${planId}`,
    );
  }
}
