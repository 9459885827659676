import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class ReviseFundRequestDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountSatang!: number;

  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  justification!: string;
}
