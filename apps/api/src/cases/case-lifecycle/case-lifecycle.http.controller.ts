import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CaseCommandRequest, type CaseCommand, type CaseRequestData } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandHttp, CurrentActor, type CommandResponse } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import {
  AdvanceNrmStageDto,
  AssignCaseManagerDto,
  CloseCaseDto,
  ErasePersonalDataDto,
  ReasonDto,
  RecordConsentDto,
  RecordIdentificationDto,
  RecordLegalBasisDto,
  RecordScreeningDto,
  RefuseErasureDto,
  UpdatePersonalDataDto,
  WithdrawConsentDto,
} from './case-lifecycle.dto';

/** A case's state changes, as sub-resources of the case. Each needs the case ETag as If-Match. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The case ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/cases/:caseId')
export class CaseLifecycleController {
  constructor(private readonly commands: CommandHttp) {}

  /** Every change here is an update of an existing case: If-Match is required. */
  private run<T extends CaseCommand['type']>(type: T, data: CaseRequestData<T>, actor: Actor, request: FastifyRequest, reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new CaseCommandRequest(type, data, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Post('screening')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'คัดกรองแล้ว ไปสู่ขั้นคัดแยก / Screened; moves to identification' })
  screen(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: RecordScreeningDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('RecordScreening', { caseId, ...body }, actor, request, reply);
  }

  @Post('identification')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ผลการคัดแยกโดยทีมสหวิชาชีพ / Multidisciplinary team identification recorded' })
  identify(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: RecordIdentificationDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('RecordIdentification', { caseId, ...body }, actor, request, reply);
  }

  @Post('stage-changes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ขั้นตอนกลไกส่งต่อระดับชาติ (NRM) ถัดไป / Next NRM stage' })
  advance(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: AdvanceNrmStageDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('AdvanceNrmStage', { caseId, ...body }, actor, request, reply);
  }

  @Post('case-manager')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  assign(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: AssignCaseManagerDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('AssignCaseManager', { caseId, ...body }, actor, request, reply);
  }

  @Post('closure')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  close(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: CloseCaseDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('CloseCase', { caseId, ...body }, actor, request, reply);
  }

  @Post('reopening')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  reopen(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('ReopenCase', { caseId, ...body }, actor, request, reply);
  }

  @Post('personal-data-updates')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'แก้ไขข้อมูลส่วนบุคคล (เข้ารหัส) / Personal data replaced (sealed); the answer echoes none of it' })
  update(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: UpdatePersonalDataDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('UpdatePersonalData', { caseId, ...body }, actor, request, reply);
  }

  @Post('consents')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกความยินยอม / Consent recorded' })
  consent(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: RecordConsentDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('RecordConsent', { caseId, ...body }, actor, request, reply);
  }

  @Post('consent-withdrawal')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawConsent(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: WithdrawConsentDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('WithdrawConsent', { caseId, ...body }, actor, request, reply);
  }

  @Post('legal-basis')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกฐานทางกฎหมาย / Legal basis recorded' })
  legalBasis(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: RecordLegalBasisDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('RecordLegalBasis', { caseId, ...body }, actor, request, reply);
  }

  @Post('erasure')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ลบข้อมูลส่วนบุคคล (ทำลายกุญแจ) / Personal data erased: the key is destroyed (coordinator)' })
  erase(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: ErasePersonalDataDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('ErasePersonalData', { caseId, ...body }, actor, request, reply);
  }

  @Post('erasure-refusals')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ปฏิเสธคำขอลบพร้อมเหตุผลทางกฎหมาย / Erasure refused on a legal ground (coordinator)' })
  refuseErasure(@Param('caseId', uuidParam('caseId')) caseId: string, @Body() body: RefuseErasureDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.run('RefuseErasure', { caseId, ...body }, actor, request, reply);
  }
}
