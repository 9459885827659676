import { ApiProperty } from '@nestjs/swagger';
import { IDENTIFICATION_OUTCOMES, type IdentificationOutcome } from '@ruamjai/cases';
import { IsIn, IsISO8601, Matches } from 'class-validator';

export class RecordIdentificationDto {
  @ApiProperty({ enum: IDENTIFICATION_OUTCOMES }) @IsIn(IDENTIFICATION_OUTCOMES) outcome!: IdentificationOutcome;
  @ApiProperty({ example: '2019-05-10' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  decidedOn!: string;
  @ApiProperty({ example: 'PSDHS-SK', description: 'Agency that convened the multidisciplinary team' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/)
  decidingAgency!: string;
}
