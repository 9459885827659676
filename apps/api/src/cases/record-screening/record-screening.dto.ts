import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class RecordScreeningDto {
  @ApiProperty({
    type: [String],
    example: ['debt_bondage', 'document_confiscation'],
    description: 'Trafficking indicators found at screening',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  indicators!: string[];
  @ApiProperty({ example: 'ร.บ.1/2562-014', description: 'Screening form reference' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  formReference!: string;
}
