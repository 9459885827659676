import { ApiPropertyOptional } from '@nestjs/swagger';
import { NRM_STAGES, type NrmStage } from '@ruamjai/cases';
import { THAI_PROVINCES } from '@ruamjai/kernel';
import { IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../http/omittable';

/** Query strings of case work's reads, validated like bodies (unknown parameters are refused). */
class WithMinPosition {
  @ApiPropertyOptional({ description: 'Wait until the views include this position (from X-Ruamjai-Position)' })
  @Omittable()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;
}

export class CaseListQueryDto extends WithMinPosition {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @Omittable() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ enum: NRM_STAGES }) @Omittable() @IsIn(NRM_STAGES) stage?: NrmStage;
}

export class FormatQueryDto extends WithMinPosition {
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @Omittable() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class ReferralStateQueryDto extends WithMinPosition {
  @ApiPropertyOptional({
    enum: ['open', 'overdue'],
    description:
      'open: sent, accepted or in progress; overdue: past due and still unanswered; none: every referral you may see',
  })
  @Omittable()
  @IsIn(['open', 'overdue'])
  state?: 'open' | 'overdue';
}

export class ReferralListQueryDto extends ReferralStateQueryDto {
  @ApiPropertyOptional({
    example: 'TH-27',
    description:
      'Only referrals sent from this province (its cases) or to one of its agencies; within what you may see (your own province, or any for national roles)',
  })
  @Omittable()
  @IsIn(Object.keys(THAI_PROVINCES))
  province?: string;
}

export class ReferralBoxQueryDto extends ReferralStateQueryDto {
  @ApiPropertyOptional({ example: 'HEALTH-SK', description: 'Another agency (coordinator, auditor); default your own' })
  @Omittable()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  agency?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only referrals still open (the same as state=open)' })
  @Omittable()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';
}

export class AccessLogQueryDto extends WithMinPosition {
  @ApiPropertyOptional() @Omittable() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ description: 'The reader (user id)' }) @Omittable() @IsString() @MaxLength(200) actor?: string;
  @ApiPropertyOptional({ description: 'ISO 8601' }) @Omittable() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601' }) @Omittable() @IsISO8601({ strict: true }) to?: string;
}
