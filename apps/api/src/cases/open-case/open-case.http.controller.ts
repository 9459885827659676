import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CaseCommandRequest } from '@ruamjai/cases';
import { idFromKey } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandHttp, CurrentActor, type CommandResponse } from '../../http/command-http';
import { OpenCaseDto, OpenCaseResponseDto } from './open-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class OpenCaseController {
  constructor(private readonly commands: CommandHttp) {}

  /** The answer names the case and person by id only: a replayed response never echoes personal data. */
  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: OpenCaseResponseDto, description: 'เปิดกรณีแล้ว ข้อมูลส่วนบุคคลถูกเข้ารหัสด้วยกุญแจของบุคคลนั้น / Opened; the personal data is sealed with the person\'s own key' })
  async open(@Body() body: OpenCaseDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse & { caseId: string; personId: string }> {
    const context = this.commands.context(request, actor, { kind: 'create' });
    const caseId = context.idempotencyKey ? idFromKey(actor.id, context.idempotencyKey, 'case') : randomUUID();
    const personId = context.idempotencyKey ? idFromKey(actor.id, context.idempotencyKey, 'person') : randomUUID();
    const result = await this.commands.execute(new CaseCommandRequest('OpenCase', { caseId, personId, ...body }, context), reply, `/api/v1/cases/${caseId}`);
    return { caseId, personId, ...result };
  }
}
