import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReturnPlanRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReturnPlanDto } from './return-plan.dto';

/** The chair returns a submitted plan to drafting, with a reason. */
@ApiTags('plans')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class ReturnPlanController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('return')
  @OperationId('PlanLifecycleController_return')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ส่งแผนกลับไปแก้ไข / Returned to drafting' })
  return(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ReturnPlanDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReturnPlanRequest({ planId, ...body }, context));
  }
}
