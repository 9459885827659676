import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../http/trim';
import { IsoDateField, ParticipantCountsDto } from '../plan-fields';
import { Omittable } from '../../http/omittable';

export class ReportProgressDto {
  @IsoDateField(true, '2019-03-02') reportedOn!: string;
  @ApiProperty({ type: ParticipantCountsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ParticipantCountsDto)
  participantsReached!: ParticipantCountsDto;
  @ApiProperty({ example: 1250000, description: 'Money spent, in satang' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  spendSatang!: number;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The budget line paid from; the project's first line when left out",
  })
  @Omittable()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'budgetLineId must be a UUID',
  })
  budgetLineId?: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(5000) note?: string;
  @ApiPropertyOptional({ description: 'The activity is finished with this report' })
  @Omittable()
  @IsBoolean()
  completed?: boolean;
}
