import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { type CommandContext } from '@ruamjai/event-store';
import { AddProjectRequest } from '@ruamjai/planning';
import { CommandHttp, newIdFor, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { AddProjectDto, AddProjectResponseDto } from './add-project.dto';
import { ApiController } from '../../http/controllers';

@ApiController('plans', 'api/v1/plans/:planId/projects')
export class AddProjectController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AddProjectResponseDto })
  async add(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: AddProjectDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<AddProjectResponseDto> {
    const projectId = newIdFor(context, 'project');
    const result = await this.commands.execute(
      new AddProjectRequest({ planId, projectId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
    return { planId, projectId, ...result };
  }
}
