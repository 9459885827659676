import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class ReturnPlanDto {
  @ApiProperty({ example: 'ขอให้เพิ่มโครงการด้านการคุ้มครองผู้เสียหาย', description: 'Why the chair returns the plan' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
