import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  AdvanceNrmStageRequest,
  AssignCaseManagerRequest,
  CloseCaseRequest,
  ErasePersonalDataRequest,
  RecordConsentRequest,
  RecordIdentificationRequest,
  RecordLegalBasisRequest,
  RecordScreeningRequest,
  RefuseErasureRequest,
  ReopenCaseRequest,
  UpdatePersonalDataRequest,
  WithdrawConsentRequest,
} from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
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

  @Post('screening')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'คัดกรองแล้ว ไปสู่ขั้นคัดแยก / Screened; moves to identification',
  })
  screen(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordScreeningDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordScreeningRequest({ caseId, ...body }, context));
  }

  @Post('identification')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ผลการคัดแยกโดยทีมสหวิชาชีพ / Multidisciplinary team identification recorded',
  })
  identify(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordIdentificationDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordIdentificationRequest({ caseId, ...body }, context));
  }

  @Post('stage-changes')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ขั้นตอนกลไกส่งต่อระดับชาติ (NRM) ถัดไป / Next NRM stage' })
  advance(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: AdvanceNrmStageDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new AdvanceNrmStageRequest({ caseId, ...body }, context));
  }

  @Post('case-manager')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  assign(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: AssignCaseManagerDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new AssignCaseManagerRequest({ caseId, ...body }, context));
  }

  @Post('closure')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  close(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: CloseCaseDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new CloseCaseRequest({ caseId, ...body }, context));
  }

  @Post('reopening')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  reopen(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ReasonDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new ReopenCaseRequest({ caseId, ...body }, context));
  }

  @Post('personal-data-updates')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'แก้ไขข้อมูลส่วนบุคคล (เข้ารหัส) / Personal data replaced (sealed); the answer echoes none of it',
  })
  update(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: UpdatePersonalDataDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new UpdatePersonalDataRequest({ caseId, ...body }, context));
  }

  @Post('consents')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกความยินยอม / Consent recorded' })
  consent(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordConsentDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordConsentRequest({ caseId, ...body }, context));
  }

  @Post('consent-withdrawal')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawConsent(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: WithdrawConsentDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new WithdrawConsentRequest({ caseId, ...body }, context));
  }

  @Post('legal-basis')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'บันทึกฐานทางกฎหมาย / Legal basis recorded' })
  legalBasis(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordLegalBasisDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RecordLegalBasisRequest({ caseId, ...body }, context));
  }

  @Post('erasure')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ลบข้อมูลส่วนบุคคล (ทำลายกุญแจ) / Personal data erased: the key is destroyed (coordinator)',
  })
  erase(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ErasePersonalDataDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new ErasePersonalDataRequest({ caseId, ...body }, context));
  }

  @Post('erasure-refusals')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ปฏิเสธคำขอลบพร้อมเหตุผลทางกฎหมาย / Erasure refused on a legal ground (coordinator)',
  })
  refuseErasure(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RefuseErasureDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new RefuseErasureRequest({ caseId, ...body }, context));
  }
}
