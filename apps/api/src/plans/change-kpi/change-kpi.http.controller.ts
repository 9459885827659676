import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ChangeKpiRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ChangeKpiDto } from './change-kpi.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class ChangeKpiController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('kpis/:kpiId/changes')
  @OperationId('PlanStructureController_changeKpi')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeKpi(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('kpiId', uuidParam('kpiId')) kpiId: string,
    @Body() body: ChangeKpiDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ChangeKpiRequest({ planId, kpiId, ...body }, context), `/api/v1/plans/${planId}`);
  }
}
