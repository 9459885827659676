import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Trim } from '../../http/trim';
import { IsoDateField, MeasureField } from '../plan-fields';
import { Omittable } from '../../http/omittable';

export class RecordKpiActualDto {
  @MeasureField(true, 48) actual!: number;
  @IsoDateField(true, '2019-09-15') measuredOn!: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(5000) note?: string;
}
