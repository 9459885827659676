import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class RecordDisbursementDto {
  @ApiProperty({ example: 5000000, description: 'Amount paid in satang' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountSatang!: number;
}
