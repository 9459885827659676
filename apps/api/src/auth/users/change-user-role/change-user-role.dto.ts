import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@ruamjai/kernel';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../http/trim';
import { AGENCY } from '../users.dto';

export class ChangeUserRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'PSDHS-SK' })
  @Matches(AGENCY, { message: 'agency must be an agency code' })
  agency!: string;

  @ApiProperty({ example: 'ย้ายไปฝ่ายเลขานุการ' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}
