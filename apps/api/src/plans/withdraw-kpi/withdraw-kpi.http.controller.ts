import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { WithdrawKpiRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { RequiredReasonDto } from '../plan-fields';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class WithdrawKpiController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('kpis/:kpiId/withdrawal')
  @OperationId('PlanStructureController_withdrawKpi')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawKpi(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('kpiId', uuidParam('kpiId')) kpiId: string,
    @Body() body: RequiredReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new WithdrawKpiRequest({ planId, kpiId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
