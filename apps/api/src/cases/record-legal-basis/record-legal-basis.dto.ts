import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_BASES, type LegalBasis } from '@ruamjai/cases';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class RecordLegalBasisDto {
  @ApiProperty({ enum: LEGAL_BASES }) @IsIn(LEGAL_BASES) basis!: LegalBasis;
  @ApiProperty({ example: 'PDPA s.26(1); พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ม.33' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reference!: string;
}
