import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class ReviseCommitmentDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) quantity!: number;
  @ApiProperty({ example: '2019-07-31' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) dueOn!: string;
  @ApiProperty({ example: 'งบประมาณถูกปรับลด' }) @Trim() @IsString() @MinLength(3) @MaxLength(2000) reason!: string;
}
