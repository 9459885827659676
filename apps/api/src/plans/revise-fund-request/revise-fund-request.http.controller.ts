import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReviseFundRequestRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReviseFundRequestDto } from './revise-fund-request.dto';

@ApiTags('fund requests')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The plan ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/plans/:planId')
export class ReviseFundRequestController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('fund-requests/:requestId/revisions')
  @OperationId('FundRequestsController_revise')
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
}
