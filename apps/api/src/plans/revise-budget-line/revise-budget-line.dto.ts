import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { RequiredReasonDto } from '../plan-fields';

export class ReviseBudgetLineDto extends RequiredReasonDto {
  @ApiProperty({ example: 2000000 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) amountSatang!: number;
}
