import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class AssignCaseManagerDto {
  @ApiProperty({ example: 'malee.s' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) caseManagerId!: string;
}
