import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class ErasePersonalDataDto {
  @ApiProperty({ example: '2019-06-01', description: 'When the person asked' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  requestedOn!: string;
  @ApiProperty({ example: 'เจ้าของข้อมูลขอให้ลบตาม ม.33' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
