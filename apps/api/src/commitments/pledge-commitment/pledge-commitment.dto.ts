import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESOURCES, type Resource } from '@ruamjai/cases';
import { IsIn, IsInt, IsISO8601, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';

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
  @ApiProperty({ example: '2019-06-30' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) dueOn!: string;
}

export class PledgeResponseDto {
  @ApiProperty() commitmentId!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
}
