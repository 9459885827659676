import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Trim } from '../../http/trim';
import { IsoDateField, AmendmentReason, ParticipantCountsDto } from '../plan-fields';
import { Omittable } from '../../http/omittable';

export class ChangeActivityDto extends AmendmentReason {
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MinLength(3) @MaxLength(500) titleTh?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(500) titleEn?: string;
  @ApiPropertyOptional()
  @Omittable()
  @Matches(/^\d{4}$/, { message: 'districtCode must be four digits' })
  districtCode?: string;
  @IsoDateField(false) startDate?: string;
  @IsoDateField(false) endDate?: string;
  @ApiPropertyOptional({ type: ParticipantCountsDto })
  @Omittable()
  @ValidateNested()
  @Type(() => ParticipantCountsDto)
  targets?: ParticipantCountsDto;
}
