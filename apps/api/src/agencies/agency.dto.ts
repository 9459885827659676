import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_TYPES, type AgencyType } from '@ruamjai/planning';
import { IsIn, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Trim } from '../http/trim';
import { Omittable } from '../http/omittable';

export class RegisterAgencyDto {
  @ApiProperty({ example: 'IMM-SK', description: 'Agency code: upper-case letters, digits and dashes' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'code must be upper-case letters, digits and dashes' })
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

export class ChangeAgencyTypeDto {
  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  agencyType!: AgencyType;
}

export class ChangeAgencyDistrictDto {
  @ApiProperty({ nullable: true, example: '2706' })
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\d{4}$/)
  districtCode!: string | null;
}

export class DeactivateAgencyDto {
  @ApiProperty({ example: 'ยุบรวมกับหน่วยงานอื่น' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
