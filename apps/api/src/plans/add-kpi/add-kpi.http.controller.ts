import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { AddKpiRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, newIdFor, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { AddKpiDto } from './add-kpi.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class AddKpiController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/kpis')
  @OperationId('PlanStructureController_addKpi')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'เพิ่มตัวชี้วัดแล้ว / KPI added; the body names it' })
  async addKpi(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: AddKpiDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { kpiId: string }> {
    const kpiId = newIdFor(context, 'kpi');
    return {
      kpiId,
      ...(await this.commands.execute(
        new AddKpiRequest({ planId, projectId, kpiId, ...body }, context),
        `/api/v1/plans/${planId}`,
      )),
    };
  }
}
