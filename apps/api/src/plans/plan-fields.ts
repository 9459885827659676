import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_CODE } from '@ruamjai/kernel';
import { TARGET_GROUPS } from '@ruamjai/planning';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsInt,
  IsIn,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { Trim } from '../http/trim';
import { Omittable } from '../http/omittable';

/** The fields plan commands share, validated the same wherever they appear. */

export { AGENCY_CODE };
export const AGENCY_MESSAGE = 'agency codes must be upper-case letters, digits and dashes';

const optional = (required: boolean) => (required ? [] : [Omittable()]);

/** Agencies taking part in a project. */
export const AgencyCodesField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example: ['IMM-SK'], description }),
    Omittable(),
    IsArray(),
    ArrayMaxSize(50),
    Matches(AGENCY_CODE, { each: true, message: AGENCY_MESSAGE }),
  );

export const TargetGroupsField = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true }),
    Omittable(),
    IsArray(),
    ArrayMaxSize(6),
    IsIn(TARGET_GROUPS, { each: true }),
  );

export const ObjectivesField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], example: ['ลดความเสี่ยงของเด็กและสตรีในพื้นที่ชายแดน'] }),
    Omittable(),
    IsArray(),
    ArrayMaxSize(20),
    IsString({ each: true }),
    MaxLength(1000, { each: true }),
  );

/** Interior Ministry district geocodes in the plan's province. */
export const DistrictCodesField = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      example: ['2706', '2708'],
      description: 'Interior Ministry district geocodes in the plan province',
    }),
    ...optional(required),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(100),
    Matches(/^\d{4}$/, { each: true, message: 'each district code must be four digits' }),
  );

/** Why: required for withdrawals and budget revisions, and for any change once the plan is approved. */
export const ReasonField = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      example: 'ตามมติที่ประชุมคณะทำงาน',
      description: required ? 'Why' : 'Why: required once the plan is approved (every change is then an amendment)',
    }),
    ...optional(required),
    Trim(),
    IsString(),
    MinLength(3),
    MaxLength(2000),
  );

/** An ISO calendar date (YYYY-MM-DD). */
export const IsoDateField = (required: boolean, example = '2019-03-01') =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ example }),
    ...optional(required),
    IsDateString({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/),
  );

/**
 * A measure (a KPI's target or actual): a finite number from 0 to 10^12 with at most two decimal
 * places. Checked here rather than by class-validator's maxDecimalPlaces, which cannot read numbers
 * written in exponent notation (1e-7) and threw on them.
 */
export const MeasureField = (required: boolean, example: number) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ example, description: 'At most two decimal places' }),
    ...optional(required),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(1e12),
    ValidateBy({
      name: 'maxDecimalPlaces',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && Math.abs(Math.round(value * 100) - value * 100) < 1e-6,
        defaultMessage: (args) => `${args?.property ?? 'value'} may have at most two decimal places`,
      },
    }),
  );

/* Bodies several plan use cases share. */

/** A change's reason: optional while the plan is drafted, required once it is approved (the decider says which). */
export class AmendmentReason {
  @ReasonField(false)
  reason?: string;
}

/** A withdrawal's reason, always required. */
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

/** The reason the Fund returned or rejected a request. */
export class FundDecisionReasonDto {
  @ApiProperty({ example: 'ขอเอกสารประกอบเพิ่มเติม' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
