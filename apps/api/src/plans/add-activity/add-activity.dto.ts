import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Trim } from '../../http/trim';
import { AGENCY_CODE, AGENCY_MESSAGE, IsoDateField, AmendmentReason, ParticipantCountsDto } from '../plan-fields';
import { Omittable } from '../../http/omittable';

export class AddActivityDto extends AmendmentReason {
  @ApiProperty({ example: 'อบรมแกนนำเฝ้าระวังการค้ามนุษย์ในชุมชนชายแดน' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  titleTh!: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(500) titleEn?: string;
  @ApiProperty({ example: '2706' })
  @Matches(/^\d{4}$/, { message: 'districtCode must be four digits' })
  districtCode!: string;
  @IsoDateField(true) startDate!: string;
  @IsoDateField(true, '2019-03-02') endDate!: string;
  @ApiProperty({ type: ParticipantCountsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantCountsDto)
  targets!: ParticipantCountsDto;
  @ApiPropertyOptional({ description: 'The lead agency when left out' })
  @Omittable()
  @Matches(AGENCY_CODE, { message: AGENCY_MESSAGE })
  responsibleAgencyCode?: string;
}
