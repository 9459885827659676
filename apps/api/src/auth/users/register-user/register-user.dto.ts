import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@ruamjai/kernel';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../http/trim';
import { AGENCY } from '../users.dto';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export class RegisterUserDto {
  @ApiProperty({ example: 'malee.s' })
  @Matches(USERNAME, { message: 'username must be 3-64 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: 'มาลี ใจดี' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'IMM-SK' })
  @Matches(AGENCY, { message: 'agency must be an agency code' })
  agency!: string;
}
