import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { idFromKey } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import { PlanCommandRequest } from '@ruamjai/planning';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandHttp, CurrentActor } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { AddProjectDto, AddProjectResponseDto } from './add-project.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId/projects')
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
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AddProjectResponseDto> {
    const context = this.commands.context(request, actor, { kind: 'update' });
    const projectId = context.idempotencyKey ? idFromKey(actor.id, context.idempotencyKey, 'project') : randomUUID();
    const result = await this.commands.execute(new PlanCommandRequest('AddProject', { planId, projectId, ...body }, context), response, `/api/v1/plans/${planId}`);
    return { planId, projectId, ...result };
  }
}
