import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class DeclineReferralDto {
  @ApiProperty({ example: 'เตียงเต็ม ขอส่งต่อไปบ้านพักจังหวัดใกล้เคียง' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
