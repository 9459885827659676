import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseQueries, CommitmentCommandRequest, type CommitmentTarget, type CommitmentView } from '@ruamjai/cases';
import { idFromKey } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandHttp, CurrentActor, etagOf, type CommandResponse } from '../http/command-http';
import { ReadYourWrites } from '../http/read-your-writes';
import { uuidParam } from '../http/uuid-param';
import { CommandResponseDto } from '../plans/draft-plan/draft-plan.dto';
import { CommitmentsQueryDto, PledgeCommitmentDto, RecordFulfilmentDto, ReviseCommitmentDto, WithdrawCommitmentDto } from './commitment.dto';
import { CommitmentListDto, CommitmentViewDto, PledgeResponseDto } from '../cases/case-views.dto';
import { VIEWS } from '../http/views';

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
  @ApiCreatedResponse({ type: PledgeResponseDto, description: 'ให้คำมั่นทรัพยากรแล้ว / Pledged by your agency; the body names the commitment' })
  async pledge(@Body() body: PledgeCommitmentDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse & { commitmentId: string }> {
    const context = this.commands.context(request, actor, { kind: 'create' });
    const commitmentId = context.idempotencyKey ? idFromKey(actor.id, context.idempotencyKey, 'commitment') : randomUUID();
    const target: CommitmentTarget = body.targetKind === 'case' ? { kind: 'case', caseId: body.caseId! } : { kind: 'project', planId: body.planId!, projectId: body.projectId! };
    const { resource, quantity, dueOn } = body;
    const result = await this.commands.execute(new CommitmentCommandRequest('PledgeCommitment', { commitmentId, target, resource, quantity, dueOn }, context), reply, `/api/v1/commitments/${commitmentId}`);
    return { commitmentId, ...result };
  }

  @Post(':commitmentId/fulfilments')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกการดำเนินการตามคำมั่น บางส่วนหรือทั้งหมด / Fulfilled in part or in whole' })
  fulfil(@Param('commitmentId', uuidParam('commitmentId')) commitmentId: string, @Body() body: RecordFulfilmentDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new CommitmentCommandRequest('RecordFulfilment', { commitmentId, ...body }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Post(':commitmentId/revisions')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  revise(@Param('commitmentId', uuidParam('commitmentId')) commitmentId: string, @Body() body: ReviseCommitmentDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new CommitmentCommandRequest('ReviseCommitment', { commitmentId, ...body }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Post(':commitmentId/withdrawal')
  @HttpCode(201)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdraw(@Param('commitmentId', uuidParam('commitmentId')) commitmentId: string, @Body() body: WithdrawCommitmentDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new CommitmentCommandRequest('WithdrawCommitment', { commitmentId, ...body }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Get()
  @ApiOkResponse({ type: CommitmentListDto, description: 'คำมั่นของหน่วยงาน (กรองตามหน่วยงาน กรณี หรือที่เกินกำหนด) / Commitments, by agency, case, or overdue' })
  async list(@Query() query: CommitmentsQueryDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<{ commitments: CommitmentView[] }> {
    await this.consistency.await(request, VIEWS.commitments);
    return { commitments: await this.cases.commitmentsSeenBy(actor, { agency: query.agency, caseId: query.caseId, overdue: query.overdue === 'true' }) };
  }

  @Get(':commitmentId')
  @ApiOkResponse({ type: CommitmentViewDto, description: 'คำมั่น; ETag คือรุ่น / The commitment; ETag is its version' })
  async get(@Param('commitmentId', uuidParam('commitmentId')) commitmentId: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommitmentView> {
    await this.consistency.await(request, VIEWS.commitments);
    const view = await this.cases.commitmentSeenBy(actor, commitmentId);
    void reply.header('ETag', etagOf(view.revision));
    return view;
  }
}
