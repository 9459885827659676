import type { CommandContext } from '@ruamjai/event-store';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { RecordKpiActualRequest, ReportActivityProgressRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { RecordKpiActualDto, ReportProgressDto } from './plan-structure.dto';

/**
 * What agencies did: progress on activities and KPI actuals, reported by officers of the agencies
 * that lead or take part in the project, while the approved plan is carried out. Not amendments.
 */
@ApiTags('plan progress')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class PlanProgressController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('activities/:activityId/progress-reports')
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

  @Post('kpis/:kpiId/actuals')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกผลตัวชี้วัดแล้ว / KPI actual recorded' })
  actual(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('kpiId', uuidParam('kpiId')) kpiId: string,
    @Body() body: RecordKpiActualDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new RecordKpiActualRequest({ planId, kpiId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
