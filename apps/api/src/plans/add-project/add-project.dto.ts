import {
  FUNDING_SOURCES,
  STRATEGY_AREAS,
  type FundingSource,
  type StrategyArea,
  type TargetGroup,
} from '@ruamjai/planning';
import { AgencyCodesField, DistrictCodesField, ObjectivesField, ReasonField, TargetGroupsField } from '../plan-fields';
import { Trim } from '../../http/trim';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { Omittable } from '../../http/omittable';

export class AddProjectDto {
  @ApiProperty({ example: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็ก สตรี และครอบครัว' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  titleTh!: string;

  @ApiPropertyOptional()
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  titleEn?: string;

  @ApiProperty({ enum: STRATEGY_AREAS, description: 'The 4P strategy area the project serves' })
  @IsIn(STRATEGY_AREAS)
  strategy!: StrategyArea;

  @TargetGroupsField()
  targetGroups?: TargetGroup[];

  @ObjectivesField()
  objectives?: string[];

  @AgencyCodesField('Agencies taking part besides the lead')
  participatingAgencyCodes?: string[];

  @ApiProperty({ example: 'PSDHS-SK', description: 'Code of the lead agency' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'leadAgencyCode must be upper-case letters, digits and dashes' })
  leadAgencyCode!: string;

  @DistrictCodesField(true)
  districtCodes!: string[];

  @ApiProperty({ example: 15000000, description: 'Requested budget in satang (1 THB = 100 satang)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  requestedBudgetSatang!: number;

  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @ReasonField(false)
  reason?: string;
}

export class AddProjectResponseDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' })
  planId!: string;
  @ApiProperty({ format: 'uuid' })
  projectId!: string;
}
