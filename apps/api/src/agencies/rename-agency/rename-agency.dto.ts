import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';
import { Omittable } from '../../http/omittable';

export class RenameAgencyDto {
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  nameTh!: string;

  @ApiPropertyOptional()
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(300)
  nameEn?: string;
}
