import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { type CommandContext } from '@ruamjai/event-store';
import {
  ApproveFundRequestRequest,
  RecordFundDisbursementRequest,
  RejectFundRequestRequest,
  ReturnFundRequestRequest,
  ReviseFundRequestRequest,
  SubmitFundRequestRequest,
} from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, newIdFor, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import {
  ApproveFundRequestDto,
  FundDecisionReasonDto,
  RecordDisbursementDto,
  ReviseFundRequestDto,
  SubmitFundRequestDto,
} from './fund-request.dto';

/** Requests to the national Anti-Trafficking Fund, as sub-resources of the plan. */
@ApiTags('fund requests')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class FundRequestsController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/fund-requests')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: 'ยื่นคำขอรับการสนับสนุนจากกองทุนแล้ว / Submitted to the Fund; the body names the request',
  })
  async submit(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: SubmitFundRequestDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { requestId: string }> {
    const requestId = newIdFor(context, 'fund-request');
    const result = await this.commands.execute(
      new SubmitFundRequestRequest({ planId, projectId, requestId, ...body }, context),
    );
    return { requestId, ...result };
  }

  @Post('fund-requests/:requestId/return')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  return(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: FundDecisionReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReturnFundRequestRequest({ planId, requestId, ...body }, context));
  }

  @Post('fund-requests/:requestId/revisions')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  revise(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: ReviseFundRequestDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReviseFundRequestRequest({ planId, requestId, ...body }, context));
  }

  @Post('fund-requests/:requestId/approval')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  approve(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: ApproveFundRequestDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ApproveFundRequestRequest({ planId, requestId, ...body }, context));
  }

  @Post('fund-requests/:requestId/rejection')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  reject(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: FundDecisionReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RejectFundRequestRequest({ planId, requestId, ...body }, context));
  }

  @Post('fund-requests/:requestId/disbursements')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  disburse(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: RecordDisbursementDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RecordFundDisbursementRequest({ planId, requestId, ...body }, context));
  }
}
