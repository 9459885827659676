import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CaseQueries,
  PledgeCommitmentRequest,
  RecordFulfilmentRequest,
  ReviseCommitmentRequest,
  WithdrawCommitmentRequest,
  type CommitmentTarget,
  type CommitmentView,
} from '@ruamjai/cases';
import { type CommandContext } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import {
  CommandHttp,
  type CommandResponse,
  CreateCommand,
  CurrentActor,
  etagOf,
  newIdFor,
  UpdateCommand,
} from '../http/command-http';
import { ReadYourWrites } from '../http/read-your-writes';
import { uuidParam } from '../http/uuid-param';
import { CommandResponseDto } from '../plans/draft-plan/draft-plan.dto';
import {
  CommitmentsQueryDto,
  PledgeCommitmentDto,
  RecordFulfilmentDto,
  ReviseCommitmentDto,
  WithdrawCommitmentDto,
} from './commitment.dto';
import { CommitmentListDto, CommitmentViewDto, PledgeResponseDto } from '../cases/case-views.dto';
import { VIEWS } from '../http/views';
import { withReplyHeaders } from '../http/reply-headers';

/** Agencies' pledges of resources to plan projects and cases. */
@ApiTags('commitments')
@ApiBearerAuth()
@Controller('api/v1/commitments')
export class CommitmentsController {
  constructor(
    private readonly commands: CommandHttp,
    private readonly cases: CaseQueries,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: PledgeResponseDto,
    description: 'ให้คำมั่นทรัพยากรแล้ว / Pledged by your agency; the body names the commitment',
  })
  async pledge(
    @Body() body: PledgeCommitmentDto,
    @CreateCommand() context: CommandContext,
  ): Promise<CommandResponse & { commitmentId: string }> {
    const commitmentId = newIdFor(context, 'commitment');
    const target: CommitmentTarget =
      body.targetKind === 'case'
        ? { kind: 'case', caseId: body.caseId! }
        : { kind: 'project', planId: body.planId!, projectId: body.projectId! };
    const { resource, quantity, dueOn } = body;
    const result = await this.commands.execute(
      new PledgeCommitmentRequest({ commitmentId, target, resource, quantity, dueOn }, context),
      `/api/v1/commitments/${commitmentId}`,
    );
    return { commitmentId, ...result };
  }

  @Post(':commitmentId/fulfilments')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'บันทึกการดำเนินการตามคำมั่น บางส่วนหรือทั้งหมด / Fulfilled in part or in whole',
  })
  fulfil(
    @Param('commitmentId', uuidParam('commitmentId')) commitmentId: string,
    @Body() body: RecordFulfilmentDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RecordFulfilmentRequest({ commitmentId, ...body }, context));
  }

  @Post(':commitmentId/revisions')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  revise(
    @Param('commitmentId', uuidParam('commitmentId')) commitmentId: string,
    @Body() body: ReviseCommitmentDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReviseCommitmentRequest({ commitmentId, ...body }, context));
  }

  @Post(':commitmentId/withdrawal')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdraw(
    @Param('commitmentId', uuidParam('commitmentId')) commitmentId: string,
    @Body() body: WithdrawCommitmentDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new WithdrawCommitmentRequest({ commitmentId, ...body }, context));
  }

  @Get()
  @ApiOkResponse({
    type: CommitmentListDto,
    description: 'คำมั่นของหน่วยงาน (กรองตามหน่วยงาน กรณี หรือที่เกินกำหนด) / Commitments, by agency, case, or overdue',
  })
  async list(
    @Query() query: CommitmentsQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ commitments: CommitmentView[] }> {
    await this.consistency.await(request, VIEWS.commitments);
    return {
      commitments: await this.cases.commitmentsSeenBy(actor, {
        agency: query.agency,
        caseId: query.caseId,
        overdue: query.overdue === 'true',
      }),
    };
  }

  @Get(':commitmentId')
  @ApiOkResponse({ type: CommitmentViewDto, description: 'คำมั่น; ETag คือรุ่น / The commitment; ETag is its version' })
  async get(
    @Param('commitmentId', uuidParam('commitmentId')) commitmentId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<CommitmentView> {
    await this.consistency.await(request, VIEWS.commitments);
    const view = await this.cases.commitmentSeenBy(actor, commitmentId);
    return withReplyHeaders(view, { ETag: etagOf(view.revision) });
  }
}
