import { Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CaseQueries, type CommitmentView } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, etagOf } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { ReadYourWrites } from '../../http/read-your-writes';
import { uuidParam } from '../../http/uuid-param';
import { CommitmentListDto, CommitmentViewDto } from '../../cases/case-views.dto';
import { VIEWS } from '../../http/views';
import { withReplyHeaders } from '../../http/reply-headers';
import { CommitmentsQueryDto } from './commitment-views.dto';
import { ApiController } from '../../http/controllers';

/** Agencies' pledges of resources to plan projects and cases. */
@ApiController('commitments', 'api/v1/commitments')
export class CommitmentViewsController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @OperationId('CommitmentsController_list')
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
  @OperationId('CommitmentsController_get')
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
