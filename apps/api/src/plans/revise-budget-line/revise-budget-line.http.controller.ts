import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReviseBudgetLineRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReviseBudgetLineDto } from './revise-budget-line.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class ReviseBudgetLineController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('budget-lines/:lineId/revisions')
  @OperationId('PlanStructureController_reviseBudgetLine')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: "A project's first budget line has the project's id" })
  reviseBudgetLine(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('lineId', uuidParam('lineId')) lineId: string,
    @Body() body: ReviseBudgetLineDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ReviseBudgetLineRequest({ planId, lineId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
