import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class ClosePlanDto {
  @ApiProperty({ example: 'ดำเนินการครบ 12 โครงการ ผู้เข้าร่วม 1,240 คน', description: 'The results of the fiscal year' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  resultsSummary!: string;
}
