import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { RecordFundDisbursementRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { RecordDisbursementDto } from './record-fund-disbursement.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('fund requests', 'api/v1/plans/:planId', 'plan')
export class RecordFundDisbursementController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('fund-requests/:requestId/disbursements')
  @OperationId('FundRequestsController_disburse')
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
