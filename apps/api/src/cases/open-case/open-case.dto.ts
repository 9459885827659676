import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_GROUPS,
  IDENTITY_DOCUMENT_KINDS,
  INTAKE_SOURCES,
  type AgeGroup,
  type IdentityDocumentKind,
  type IntakeSource,
} from '@ruamjai/cases';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../http/trim';
import { Omittable } from '../../http/omittable';

export class ContactDto {
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(50) phone?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(500) address?: string;
}

export class IdentityDocumentDto {
  @ApiProperty({ enum: IDENTITY_DOCUMENT_KINDS }) @IsIn(IDENTITY_DOCUMENT_KINDS) kind!: IdentityDocumentKind;
  @ApiProperty({ example: 'N0000000 (fictional)' }) @Trim() @IsString() @MinLength(1) @MaxLength(64) number!: string;
}

/** The person's personal data: sealed with their own key before anything is recorded. */
export class PersonDto {
  @ApiProperty({ example: 'Sophea (fictional)' }) @Trim() @IsString() @MinLength(1) @MaxLength(200) givenName!: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(200) familyName?: string;
  @ApiPropertyOptional({ type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  otherNames?: string[];
  @ApiPropertyOptional({ example: '2005-04-01' })
  @Omittable()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dateOfBirth?: string;
  @ApiPropertyOptional({ enum: ['female', 'male', 'other', 'unknown'] })
  @Omittable()
  @IsIn(['female', 'male', 'other', 'unknown'])
  sex?: 'female' | 'male' | 'other' | 'unknown';
  @ApiPropertyOptional({ example: 'KHM', description: 'ISO 3166-1 alpha-3 or free text' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(100)
  nationality?: string;
  @ApiPropertyOptional({ type: [String], example: ['km'] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  languages?: string[];
  @ApiPropertyOptional({ type: ContactDto })
  @Omittable()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;
  @ApiPropertyOptional({ type: [IdentityDocumentDto] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => IdentityDocumentDto)
  identityDocuments?: IdentityDocumentDto[];
  @ApiPropertyOptional({ description: 'Free text about the person (personal data, sealed like the rest)' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(10000)
  notes?: string;
}

export class OpenCaseDto {
  @ApiProperty({ enum: INTAKE_SOURCES }) @IsIn(INTAKE_SOURCES) source!: IntakeSource;
  @ApiProperty({ example: '2706', description: 'District geocode where the person was found' })
  @Matches(/^\d{4}$/)
  districtCode!: string;
  @ApiProperty({ example: '2019-05-01' }) @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) foundOn!: string;
  @ApiProperty({ enum: AGE_GROUPS, description: 'De-identified age group, for statistics' })
  @IsIn(AGE_GROUPS)
  ageGroup!: AgeGroup;
  @ApiProperty({ type: PersonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;
}

export class OpenCaseResponseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'The person, by reference only' }) personId!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
}
