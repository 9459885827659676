import type { CommandContext } from '@ruamjai/event-store';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ApprovePlanRequest, ClosePlanRequest, ReturnPlanRequest, SubmitPlanRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ApprovePlanDto, ClosePlanDto, ReturnPlanDto } from './plan-lifecycle.dto';

/**
 * The plan's lifecycle, each step a sub-resource: submission (coordinator), return and approval
 * (chair, with the subcommittee meeting), closure after the fiscal year (chair, with results).
 */
@ApiTags('plans')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class PlanLifecycleController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('submission')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เสนอแผนขออนุมัติแล้ว / Submitted for approval' })
  submit(
    @Param('planId', uuidParam('planId')) planId: string,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new SubmitPlanRequest({ planId }, context));
  }

  @Post('return')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ส่งแผนกลับไปแก้ไข / Returned to drafting' })
  return(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ReturnPlanDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReturnPlanRequest({ planId, ...body }, context));
  }

  @Post('approval')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'อนุมัติแผนแล้ว / Approved' })
  approve(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ApprovePlanDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ApprovePlanRequest({ planId, ...body }, context));
  }

  @Post('closure')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ปิดแผนแล้ว / Closed' })
  close(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ClosePlanDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ClosePlanRequest({ planId, ...body }, context));
  }
}
