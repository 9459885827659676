import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../http/trim';

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
