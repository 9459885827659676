import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { AddBudgetLineRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, newIdFor, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { AddBudgetLineDto } from './add-budget-line.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class AddBudgetLineController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/budget-lines')
  @OperationId('PlanStructureController_addBudgetLine')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'เพิ่มรายการงบประมาณแล้ว / Budget line added; the body names it' })
  async addBudgetLine(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: AddBudgetLineDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { lineId: string }> {
    const lineId = newIdFor(context, 'budget-line');
    return {
      lineId,
      ...(await this.commands.execute(
        new AddBudgetLineRequest({ planId, projectId, lineId, ...body }, context),
        `/api/v1/plans/${planId}`,
      )),
    };
  }
}
