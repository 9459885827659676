import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ApproveFundRequestDto {
  @ApiProperty({ example: 12000000, description: 'Approved amount in satang: at most what was requested' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  approvedAmountSatang!: number;
}
