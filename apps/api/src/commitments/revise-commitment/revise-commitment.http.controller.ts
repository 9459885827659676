import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { ReviseCommitmentRequest } from '@ruamjai/cases';
import { type CommandContext } from '@ruamjai/event-store';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ReviseCommitmentDto } from './revise-commitment.dto';
import { ApiController } from '../../http/controllers';

/** The pledging agency changes the quantity or the due date, with a reason. Needs the commitment ETag as If-Match. */
@ApiController('commitments', 'api/v1/commitments')
export class ReviseCommitmentController {
  constructor(private readonly commands: CommandHttp) {}

  @Post(':commitmentId/revisions')
  @HttpCode(201)
  @OperationId('CommitmentsController_revise')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiCreatedResponse({ type: CommandResponseDto })
  revise(
    @Param('commitmentId', uuidParam('commitmentId')) commitmentId: string,
    @Body() body: ReviseCommitmentDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReviseCommitmentRequest({ commitmentId, ...body }, context));
  }
}
