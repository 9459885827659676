import { ApiProperty } from '@nestjs/swagger';
import { ERASURE_REFUSAL_GROUNDS, type ErasureRefusalGround } from '@ruamjai/cases';
import { IsIn, IsISO8601, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class RefuseErasureDto {
  @ApiProperty({ example: '2019-06-01' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  requestedOn!: string;
  @ApiProperty({ enum: ERASURE_REFUSAL_GROUNDS, description: 'Legal ground for refusing (PDPA s.33 para. 2)' })
  @IsIn(ERASURE_REFUSAL_GROUNDS)
  legalGround!: ErasureRefusalGround;
  @ApiProperty({ example: 'คดีอาญาอยู่ระหว่างการพิจารณาของศาล' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  explanation!: string;
}
