import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { RecordFulfilmentRequest } from '@ruamjai/cases';
import { type CommandContext } from '@ruamjai/event-store';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { RecordFulfilmentDto } from './record-fulfilment.dto';
import { ApiController } from '../../http/controllers';

/** The pledging agency records what it delivered, in part or in whole. Needs the commitment ETag as If-Match. */
@ApiController('commitments', 'api/v1/commitments')
export class RecordFulfilmentController {
  constructor(private readonly commands: CommandHttp) {}

  @Post(':commitmentId/fulfilments')
  @HttpCode(201)
  @OperationId('CommitmentsController_fulfil')
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
}
