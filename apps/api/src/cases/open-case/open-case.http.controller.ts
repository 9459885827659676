import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { OpenCaseRequest } from '@ruamjai/cases';
import { type CommandContext } from '@ruamjai/event-store';
import { CommandHttp, type CommandResponse, CreateCommand, newIdFor } from '../../http/command-http';
import { OpenCaseDto, OpenCaseResponseDto } from './open-case.dto';
import { ApiController } from '../../http/controllers';

@ApiController('cases', 'api/v1/cases')
export class OpenCaseController {
  constructor(private readonly commands: CommandHttp) {}

  /** The answer names the case and person by id only: a replayed response never echoes personal data. */
  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: OpenCaseResponseDto,
    description:
      "เปิดกรณีแล้ว ข้อมูลส่วนบุคคลถูกเข้ารหัสด้วยกุญแจของบุคคลนั้น / Opened; the personal data is sealed with the person's own key",
  })
  async open(
    @Body() body: OpenCaseDto,
    @CreateCommand() context: CommandContext,
  ): Promise<CommandResponse & { caseId: string; personId: string }> {
    const caseId = newIdFor(context, 'case');
    const personId = newIdFor(context, 'person');
    const result = await this.commands.execute(
      new OpenCaseRequest({ caseId, personId, ...body }, context),
      `/api/v1/cases/${caseId}`,
    );
    return { caseId, personId, ...result };
  }
}
