import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class WithdrawCommitmentDto {
  @ApiProperty({ example: 'ไม่มีเจ้าหน้าที่ว่างในช่วงดังกล่าว' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
