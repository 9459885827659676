import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_SOURCES, type FundingSource } from '@ruamjai/planning';
import { IsIn } from 'class-validator';
import { AmendmentReason } from '../plan-fields';

export class ReassignBudgetLineDto extends AmendmentReason {
  @ApiProperty({ enum: FUNDING_SOURCES }) @IsIn(FUNDING_SOURCES) fundingSource!: FundingSource;
}
