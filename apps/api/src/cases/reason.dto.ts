import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../http/trim';

/** A reason about the process: reopening a case, revoking a referral. */
export class ReasonDto {
  @ApiProperty({
    example: 'พบข้อมูลใหม่จากการสอบข้อเท็จจริง',
    description: "About the process; do not write the person's details here",
  })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
