import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { PledgeCommitmentRequest, type CommitmentTarget } from '@ruamjai/cases';
import { type CommandContext } from '@ruamjai/event-store';
import { CommandHttp, type CommandResponse, CreateCommand, newIdFor } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { PledgeCommitmentDto, PledgeResponseDto } from './pledge-commitment.dto';
import { ApiController } from '../../http/controllers';

/** An agency pledges a resource to a plan project or a case. */
@ApiController('commitments', 'api/v1/commitments')
export class PledgeCommitmentController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @HttpCode(201)
  @OperationId('CommitmentsController_pledge')
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
}
