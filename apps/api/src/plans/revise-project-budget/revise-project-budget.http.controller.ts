import type { CommandContext } from '@ruamjai/event-store';
import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { ReviseProjectBudgetRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReviseProjectBudgetDto } from './revise-project-budget.dto';
import { ApiController } from '../../http/controllers';

@ApiController('plans', 'api/v1/plans/:planId/projects/:projectId/budget-revisions')
export class ReviseProjectBudgetController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: CommandResponseDto })
  revise(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: ReviseProjectBudgetDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ReviseProjectBudgetRequest({ planId, projectId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
