import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReassignProjectRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReassignProjectDto } from './reassign-project.dto';

@ApiTags('plan structure')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class ReassignProjectController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/reassignment')
  @OperationId('PlanStructureController_reassignProject')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เปลี่ยนหน่วยงานรับผิดชอบโครงการแล้ว / Project reassigned' })
  reassignProject(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: ReassignProjectDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ReassignProjectRequest({ planId, projectId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
