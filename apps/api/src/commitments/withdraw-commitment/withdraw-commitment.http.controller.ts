import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { WithdrawCommitmentRequest } from '@ruamjai/cases';
import { type CommandContext } from '@ruamjai/event-store';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { WithdrawCommitmentDto } from './withdraw-commitment.dto';
import { ApiController } from '../../http/controllers';

/** The pledging agency withdraws its pledge, with a reason. Needs the commitment ETag as If-Match. */
@ApiController('commitments', 'api/v1/commitments')
export class WithdrawCommitmentController {
  constructor(private readonly commands: CommandHttp) {}

  @Post(':commitmentId/withdrawal')
  @HttpCode(201)
  @OperationId('CommitmentsController_withdraw')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdraw(
    @Param('commitmentId', uuidParam('commitmentId')) commitmentId: string,
    @Body() body: WithdrawCommitmentDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new WithdrawCommitmentRequest({ commitmentId, ...body }, context));
  }
}
