import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class PasswordChangeDto {
  @ApiProperty({ description: 'The challenge from the sign-in answer' })
  @IsString()
  @MaxLength(4000)
  challenge!: string;

  @ApiProperty({ format: 'password', minLength: 12 })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}
