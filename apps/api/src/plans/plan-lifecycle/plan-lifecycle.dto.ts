import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class ReturnPlanDto {
  @ApiProperty({ example: 'ขอให้เพิ่มโครงการด้านการคุ้มครองผู้เสียหาย', description: 'Why the chair returns the plan' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class ApprovePlanDto {
  @ApiProperty({ example: 'ครั้งที่ 1/2562', description: 'The subcommittee meeting that approved the plan' })
  @Trim()
  @IsString()
  @MaxLength(40)
  meetingReference!: string;

  @ApiProperty({ example: '2019-03-15', description: 'ISO date of the meeting' })
  @IsISO8601({ strict: true })
  meetingDate!: string;
}

export class ClosePlanDto {
  @ApiProperty({ example: 'ดำเนินการครบ 12 โครงการ ผู้เข้าร่วม 1,240 คน', description: 'The results of the fiscal year' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  resultsSummary!: string;
}
