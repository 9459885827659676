import { ApiProperty } from '@nestjs/swagger';
import {
  CLOSURE_OUTCOMES,
  ERASURE_REFUSAL_GROUNDS,
  IDENTIFICATION_OUTCOMES,
  LEGAL_BASES,
  NRM_STAGES,
  type ClosureOutcome,
  type ErasureRefusalGround,
  type IdentificationOutcome,
  type LegalBasis,
  type NrmStage,
} from '@ruamjai/cases';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../http/trim';
import { PersonDto } from '../open-case/open-case.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RecordScreeningDto {
  @ApiProperty({
    type: [String],
    example: ['debt_bondage', 'document_confiscation'],
    description: 'Trafficking indicators found at screening',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  indicators!: string[];
  @ApiProperty({ example: 'ร.บ.1/2562-014', description: 'Screening form reference' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  formReference!: string;
}

export class RecordIdentificationDto {
  @ApiProperty({ enum: IDENTIFICATION_OUTCOMES }) @IsIn(IDENTIFICATION_OUTCOMES) outcome!: IdentificationOutcome;
  @ApiProperty({ example: '2019-05-10' }) @IsISO8601({ strict: true }) @Matches(DATE) decidedOn!: string;
  @ApiProperty({ example: 'PSDHS-SK', description: 'Agency that convened the multidisciplinary team' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  decidingAgency!: string;
}

export class AdvanceNrmStageDto {
  @ApiProperty({ enum: NRM_STAGES }) @IsIn(NRM_STAGES) stage!: NrmStage;
}

export class AssignCaseManagerDto {
  @ApiProperty({ example: 'malee.s' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) caseManagerId!: string;
}

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSURE_OUTCOMES }) @IsIn(CLOSURE_OUTCOMES) outcome!: ClosureOutcome;
}

export class ReasonDto {
  @ApiProperty({
    example: 'พบข้อมูลใหม่จากการสอบข้อเท็จจริง',
    description: "About the process; do not write the person's details here",
  })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class RecordConsentDto {
  @ApiProperty({ example: '2019-05-02' }) @IsISO8601({ strict: true }) @Matches(DATE) givenOn!: string;
  @ApiProperty({ enum: ['share_with_agencies'] }) @IsIn(['share_with_agencies']) scope!: 'share_with_agencies';
}

export class WithdrawConsentDto {
  @ApiProperty({ example: '2019-05-09' }) @IsISO8601({ strict: true }) @Matches(DATE) withdrawnOn!: string;
}

export class RecordLegalBasisDto {
  @ApiProperty({ enum: LEGAL_BASES }) @IsIn(LEGAL_BASES) basis!: LegalBasis;
  @ApiProperty({ example: 'PDPA s.26(1); พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ม.33' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reference!: string;
}

export class UpdatePersonalDataDto {
  @ApiProperty({ type: PersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;
}

export class ErasePersonalDataDto {
  @ApiProperty({ example: '2019-06-01', description: 'When the person asked' })
  @IsISO8601({ strict: true })
  @Matches(DATE)
  requestedOn!: string;
  @ApiProperty({ example: 'เจ้าของข้อมูลขอให้ลบตาม ม.33' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class RefuseErasureDto {
  @ApiProperty({ example: '2019-06-01' }) @IsISO8601({ strict: true }) @Matches(DATE) requestedOn!: string;
  @ApiProperty({ enum: ERASURE_REFUSAL_GROUNDS, description: 'Legal ground for refusing (PDPA s.33 para. 2)' })
  @IsIn(ERASURE_REFUSAL_GROUNDS)
  legalGround!: ErasureRefusalGround;
  @ApiProperty({ example: 'คดีอาญาอยู่ระหว่างการพิจารณาของศาล' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  explanation!: string;
}
