import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { RecordKpiActualRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { RecordKpiActualDto } from './record-kpi-actual.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan progress', 'api/v1/plans/:planId', 'plan')
export class RecordKpiActualController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('kpis/:kpiId/actuals')
  @OperationId('PlanProgressController_actual')
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
