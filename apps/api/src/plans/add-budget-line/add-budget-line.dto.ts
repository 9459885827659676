import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FUNDING_SOURCES, type FundingSource } from '@ruamjai/planning';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../http/trim';
import { Omittable } from '../../http/omittable';
import { AmendmentReason } from '../plan-fields';

export class AddBudgetLineDto extends AmendmentReason {
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
