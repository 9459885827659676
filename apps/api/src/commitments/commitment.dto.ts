import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOURCES, type Resource } from '@ruamjai/cases';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../http/trim';
import { Omittable } from '../http/omittable';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PledgeCommitmentDto {
  @ApiProperty({ enum: ['project', 'case'] }) @IsIn(['project', 'case']) targetKind!: 'project' | 'case';
  @ApiPropertyOptional({ description: 'With targetKind project' })
  @ValidateIf((o: PledgeCommitmentDto) => o.targetKind === 'project')
  @IsUUID()
  planId?: string;
  @ApiPropertyOptional({ description: 'With targetKind project' })
  @ValidateIf((o: PledgeCommitmentDto) => o.targetKind === 'project')
  @IsUUID()
  projectId?: string;
  @ApiPropertyOptional({ description: 'With targetKind case' })
  @ValidateIf((o: PledgeCommitmentDto) => o.targetKind === 'case')
  @IsUUID()
  caseId?: string;
  @ApiProperty({ enum: RESOURCES, description: 'budget_satang is money in satang; the rest are counts' })
  @IsIn(RESOURCES)
  resource!: Resource;
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) quantity!: number;
  @ApiProperty({ example: '2019-06-30' }) @IsISO8601({ strict: true }) @Matches(DATE) dueOn!: string;
}

export class RecordFulfilmentDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) quantity!: number;
  @ApiProperty({ example: '2019-05-10' }) @IsISO8601({ strict: true }) @Matches(DATE) fulfilledOn!: string;
}

export class ReviseCommitmentDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) quantity!: number;
  @ApiProperty({ example: '2019-07-31' }) @IsISO8601({ strict: true }) @Matches(DATE) dueOn!: string;
  @ApiProperty({ example: 'งบประมาณถูกปรับลด' }) @Trim() @IsString() @MinLength(3) @MaxLength(2000) reason!: string;
}

export class WithdrawCommitmentDto {
  @ApiProperty({ example: 'ไม่มีเจ้าหน้าที่ว่างในช่วงดังกล่าว' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class CommitmentsQueryDto {
  @ApiPropertyOptional({ example: 'SHELTER-SK' }) @Omittable() @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/) agency?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @Omittable() @IsIn(['true', 'false']) overdue?: string;
  @ApiPropertyOptional() @Omittable() @IsUUID() caseId?: string;
  @ApiPropertyOptional() @Omittable() @Matches(/^\d{1,19}$/) minPosition?: string;
}
