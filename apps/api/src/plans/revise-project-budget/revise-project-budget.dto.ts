import { Trim } from '../../http/trim';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ReviseProjectBudgetDto {
  @ApiProperty({ example: 12000000, description: 'New requested budget in satang' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  requestedBudgetSatang!: number;

  @ApiProperty({
    example: 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน',
    description: 'Why the budget changes (kept in the audit trail)',
  })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
