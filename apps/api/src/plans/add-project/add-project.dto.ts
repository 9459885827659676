import { FUNDING_SOURCES, STRATEGY_AREAS, TARGET_GROUPS, type FundingSource, type StrategyArea, type TargetGroup } from '@ruamjai/planning';
import { Trim } from '../../http/trim';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';

export class AddProjectDto {
  @ApiProperty({ example: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็ก สตรี และครอบครัว' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  titleTh!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  titleEn?: string;

  @ApiProperty({ enum: STRATEGY_AREAS, description: 'The 4P strategy area the project serves' })
  @IsIn(STRATEGY_AREAS)
  strategy!: StrategyArea;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(TARGET_GROUPS, { each: true })
  targetGroups?: TargetGroup[];

  @ApiPropertyOptional({ type: [String], example: ['ลดความเสี่ยงของเด็กและสตรีในพื้นที่ชายแดน'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  objectives?: string[];

  @ApiPropertyOptional({ example: ['IMM-SK'], description: 'Agencies taking part besides the lead' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { each: true, message: 'agency codes must be upper-case letters, digits and dashes' })
  participatingAgencyCodes?: string[];

  @ApiProperty({ example: 'PSDHS-SK', description: 'Code of the lead agency' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'leadAgencyCode must be upper-case letters, digits and dashes' })
  leadAgencyCode!: string;

  @ApiProperty({ example: ['2706', '2708'], description: 'Interior Ministry district geocodes in the plan province' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^\d{4}$/, { each: true, message: 'each district code must be four digits' })
  districtCodes!: string[];

  @ApiProperty({ example: 15000000, description: 'Requested budget in satang (1 THB = 100 satang)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  requestedBudgetSatang!: number;

  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @ApiPropertyOptional({ description: 'Required once the plan is approved: why it is amended' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export class AddProjectResponseDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' })
  planId!: string;
  @ApiProperty({ format: 'uuid' })
  projectId!: string;
}
