import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { idFromKey } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import { PlanCommandRequest } from '@ruamjai/planning';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandHttp, CurrentActor } from '../../http/command-http';
import { DraftPlanDto, DraftPlanResponseDto } from './draft-plan.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans')
export class DraftPlanController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key create the plan once' })
  @ApiCreatedResponse({ type: DraftPlanResponseDto, description: 'ร่างแผนแล้ว / Plan drafted; ETag is its version' })
  async draft(@Body() body: DraftPlanDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) response: FastifyReply): Promise<DraftPlanResponseDto> {
    const context = this.commands.context(request, actor, { kind: 'create' });
    // A retried creation must name the same plan, so the id follows the key when there is one.
    const planId = context.idempotencyKey ? idFromKey(actor.id, context.idempotencyKey, 'plan') : randomUUID();
    const result = await this.commands.execute(new PlanCommandRequest('DraftPlan', { planId, ...body }, context), response, `/api/v1/plans/${planId}`);
    return { planId, ...result };
  }
}
