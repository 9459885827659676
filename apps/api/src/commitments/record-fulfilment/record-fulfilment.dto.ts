import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';

export class RecordFulfilmentDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) quantity!: number;
  @ApiProperty({ example: '2019-05-10' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  fulfilledOn!: string;
}
