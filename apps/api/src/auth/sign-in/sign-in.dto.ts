import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../../http/omittable';
import { Trim } from '../../http/trim';

export class SignInDto {
  @ApiProperty({ example: 'somchai' })
  @Trim()
  @IsString()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'The six-digit code from the authenticator app (coordinators, agency officers, auditors)',
  })
  @Omittable()
  @Matches(/^\d{6}$/, { message: 'code must be six digits' })
  code?: string;
}
