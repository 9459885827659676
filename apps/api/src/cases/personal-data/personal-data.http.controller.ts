import { Body, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { PersonalDataService, type PersonalDataView } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CreateCommand, CurrentActor } from '../../http/command-http';
import { NotReplayed } from '../../http/idempotency.interceptor';
import { ReadYourWrites } from '../../http/read-your-writes';
import { uuidParam } from '../../http/uuid-param';
import { GrantAuditAccessDto, ReadPersonalDataDto } from './personal-data.dto';
import { AuditGrantDto, PersonalDataViewDto } from '../case-views.dto';
import { VIEWS } from '../../http/views';
import { withReplyHeaders } from '../../http/reply-headers';
import { ApiController } from '../../http/controllers';

/**
 * A person's data, read on need-to-know and logged. A read is a POST (its purpose goes in the body,
 * out of URLs and logs) whose answer is never stored for replay: no copy of plaintext is kept anywhere.
 */
@ApiController('personal data', 'api/v1/cases/:caseId')
export class PersonalDataController {
  constructor(
    private readonly personalData: PersonalDataService,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Post('personal-data-reads')
  @HttpCode(200)
  @NotReplayed()
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description:
      'Wait until a referral you were just given is in the views (need-to-know finds referrals there, then checks each in the log)',
  })
  @ApiOkResponse({
    type: PersonalDataViewDto,
    description:
      'ข้อมูลส่วนบุคคล (บันทึกการเข้าถึงแล้ว) / The personal data; this read is on the record. 403 PERSONAL_DATA.NOT_PERMITTED without need-to-know, 410 PERSONAL_DATA.ERASED after erasure',
  })
  async read(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ReadPersonalDataDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<PersonalDataView> {
    await this.consistency.await(request, VIEWS.personalData);
    const view = await this.personalData.read(actor, caseId, body.purpose, {
      actor,
      correlationId: request.id,
      causationId: randomUUID(),
    });
    return withReplyHeaders(view, { 'Cache-Control': 'no-store' });
  }

  @Post('personal-data-access-grants')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: AuditGrantDto,
    description:
      "สิทธิ์เข้าถึงชั่วคราวของผู้ตรวจสอบ (บันทึกพร้อมเหตุผล) / An auditor's reasoned, time-limited access, on the record",
  })
  async grant(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: GrantAuditAccessDto,
    @CreateCommand() created: CommandContext,
  ): Promise<{ caseId: string; until: string; position: string }> {
    const { expectedRevision: _none, ...context } = created;
    const outcome = await this.personalData.grantAuditAccess(context.actor, caseId, body.reason, context);
    return withReplyHeaders(
      { caseId, until: outcome.until, position: outcome.position.toString() },
      { 'X-Ruamjai-Position': outcome.position.toString() },
    );
  }
}
