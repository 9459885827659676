import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_CODE } from '@ruamjai/kernel';
import { AGENCY_TYPES, type AgencyType } from '@ruamjai/planning';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';
import { Omittable } from '../../http/omittable';

export class RegisterAgencyDto {
  @ApiProperty({ example: 'IMM-SK', description: 'Agency code: upper-case letters, digits and dashes' })
  @Matches(AGENCY_CODE, { message: 'code must be upper-case letters, digits and dashes' })
  code!: string;

  @ApiProperty({ example: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  nameTh!: string;

  @ApiPropertyOptional({ example: 'Sa Kaeo Immigration Checkpoint' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(300)
  nameEn?: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  agencyType!: AgencyType;

  @ApiPropertyOptional({ example: '2706', description: 'District geocode, if the agency serves one district' })
  @Omittable()
  @Matches(/^\d{4}$/)
  districtCode?: string;
}
