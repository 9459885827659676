import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class SecondFactorEnrolmentDto {
  @ApiProperty({ description: 'The challenge from the previous step' })
  @IsString()
  @MaxLength(4000)
  challenge!: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be six digits' })
  code!: string;
}
