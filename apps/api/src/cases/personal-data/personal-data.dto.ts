import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class ReadPersonalDataDto {
  @ApiProperty({
    example: 'นัดหมายตรวจร่างกายที่โรงพยาบาลสมเด็จพระยุพราชสระแก้ว',
    description: 'Why you read it; recorded with the read. In the body, so it never lands in a URL or access log.',
  })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  purpose!: string;
}

export class GrantAuditAccessDto {
  @ApiProperty({
    example: 'ตรวจสอบข้อร้องเรียนเลขที่ 12/2562',
    description: 'Why the auditor needs the personal data of this case',
  })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
