import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FUNDING_SOURCES,
  STRATEGY_AREAS,
  type FundingSource,
  type StrategyArea,
  type TargetGroup,
} from '@ruamjai/planning';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../http/trim';
import {
  AGENCY_CODE,
  AGENCY_MESSAGE,
  AgencyCodesField,
  DistrictCodesField,
  IsoDateField,
  MeasureField,
  ObjectivesField,
  ReasonField,
  TargetGroupsField,
} from '../plan-fields';
import { Omittable } from '../../http/omittable';

class Reason {
  @ReasonField(false)
  reason?: string;
}

export class RequiredReasonDto {
  @ReasonField(true)
  reason!: string;
}

/** Participants by target group. */
export class ParticipantCountsDto {
  @ApiPropertyOptional() @Omittable() @IsInt() @Min(0) @Max(10_000_000) children?: number;
  @ApiPropertyOptional() @Omittable() @IsInt() @Min(0) @Max(10_000_000) women?: number;
  @ApiPropertyOptional() @Omittable() @IsInt() @Min(0) @Max(10_000_000) families?: number;
  @ApiPropertyOptional() @Omittable() @IsInt() @Min(0) @Max(10_000_000) migrant_workers?: number;
  @ApiPropertyOptional() @Omittable() @IsInt() @Min(0) @Max(10_000_000) general_public?: number;
  @ApiPropertyOptional() @Omittable() @IsInt() @Min(0) @Max(10_000_000) at_risk_youth?: number;
}

export class ChangeProjectDto extends Reason {
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MinLength(3) @MaxLength(500) titleTh?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(500) titleEn?: string;
  @ApiPropertyOptional({ enum: STRATEGY_AREAS }) @Omittable() @IsIn(STRATEGY_AREAS) strategy?: StrategyArea;
  @DistrictCodesField(false) districtCodes?: string[];
  @TargetGroupsField() targetGroups?: TargetGroup[];
  @ObjectivesField() objectives?: string[];
}

export class ReassignProjectDto extends Reason {
  @ApiProperty({ example: 'IMM-SK' }) @Matches(AGENCY_CODE, { message: AGENCY_MESSAGE }) leadAgencyCode!: string;
  @AgencyCodesField('Agencies taking part; unchanged when left out') participatingAgencyCodes?: string[];
}

export class AddActivityDto extends Reason {
  @ApiProperty({ example: 'อบรมแกนนำเฝ้าระวังการค้ามนุษย์ในชุมชนชายแดน' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  titleTh!: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(500) titleEn?: string;
  @ApiProperty({ example: '2706' })
  @Matches(/^\d{4}$/, { message: 'districtCode must be four digits' })
  districtCode!: string;
  @IsoDateField(true) startDate!: string;
  @IsoDateField(true, '2019-03-02') endDate!: string;
  @ApiProperty({ type: ParticipantCountsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantCountsDto)
  targets!: ParticipantCountsDto;
  @ApiPropertyOptional({ description: 'The lead agency when left out' })
  @Omittable()
  @Matches(AGENCY_CODE, { message: AGENCY_MESSAGE })
  responsibleAgencyCode?: string;
}

export class ChangeActivityDto extends Reason {
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MinLength(3) @MaxLength(500) titleTh?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(500) titleEn?: string;
  @ApiPropertyOptional()
  @Omittable()
  @Matches(/^\d{4}$/, { message: 'districtCode must be four digits' })
  districtCode?: string;
  @IsoDateField(false) startDate?: string;
  @IsoDateField(false) endDate?: string;
  @ApiPropertyOptional({ type: ParticipantCountsDto })
  @Omittable()
  @ValidateNested()
  @Type(() => ParticipantCountsDto)
  targets?: ParticipantCountsDto;
}

export class ReassignActivityDto extends Reason {
  @ApiProperty({ example: 'IMM-SK' }) @Matches(AGENCY_CODE, { message: AGENCY_MESSAGE }) responsibleAgencyCode!: string;
}

export class AddKpiDto extends Reason {
  @ApiProperty({ example: 'จำนวนแกนนำที่ผ่านการอบรม' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  descriptionTh!: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(1000) descriptionEn?: string;
  @ApiProperty({ example: 'คน' }) @Trim() @IsString() @MinLength(1) @MaxLength(40) unit!: string;
  @MeasureField(true, 50) target!: number;
}

export class ChangeKpiDto extends Reason {
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MinLength(3) @MaxLength(1000) descriptionTh?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(1000) descriptionEn?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MinLength(1) @MaxLength(40) unit?: string;
  @MeasureField(false, 50) target?: number;
}

export class AddBudgetLineDto extends Reason {
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource!: FundingSource;
  @ApiProperty({ example: 2500000, description: 'Amount in satang (1 THB = 100 satang)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountSatang!: number;
  @ApiPropertyOptional({ example: 'ค่าอาหารและอาหารว่าง' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  descriptionTh?: string;
}

export class ReviseBudgetLineDto extends RequiredReasonDto {
  @ApiProperty({ example: 2000000 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) amountSatang!: number;
}

export class ReassignBudgetLineDto extends Reason {
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource!: FundingSource;
}

export class ReportProgressDto {
  @IsoDateField(true, '2019-03-02') reportedOn!: string;
  @ApiProperty({ type: ParticipantCountsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantCountsDto)
  participantsReached!: ParticipantCountsDto;
  @ApiProperty({ example: 1250000, description: 'Money spent, in satang' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  spendSatang!: number;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The budget line paid from; the project's first line when left out",
  })
  @Omittable()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'budgetLineId must be a UUID',
  })
  budgetLineId?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(5000) note?: string;
  @ApiPropertyOptional({ description: 'The activity is finished with this report' })
  @Omittable()
  @IsBoolean()
  completed?: boolean;
}

export class RecordKpiActualDto {
  @MeasureField(true, 48) actual!: number;
  @IsoDateField(true, '2019-09-15') measuredOn!: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(5000) note?: string;
}
