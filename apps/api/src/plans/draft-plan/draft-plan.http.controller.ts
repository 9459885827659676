import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { type CommandContext } from '@ruamjai/event-store';
import { DraftPlanRequest } from '@ruamjai/planning';
import { CommandHttp, CreateCommand, newIdFor } from '../../http/command-http';
import { DraftPlanDto, DraftPlanResponseDto } from './draft-plan.dto';
import { ApiController } from '../../http/controllers';

@ApiController('plans', 'api/v1/plans')
export class DraftPlanController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key create the plan once',
  })
  @ApiCreatedResponse({ type: DraftPlanResponseDto, description: 'ร่างแผนแล้ว / Plan drafted; ETag is its version' })
  async draft(@Body() body: DraftPlanDto, @CreateCommand() context: CommandContext): Promise<DraftPlanResponseDto> {
    // A retried creation must name the same plan, so the id follows the key when there is one.
    const planId = newIdFor(context, 'plan');
    const result = await this.commands.execute(
      new DraftPlanRequest({ planId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
    return { planId, ...result };
  }
}
