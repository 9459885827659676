import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';
import { MeasureField, AmendmentReason } from '../plan-fields';
import { Omittable } from '../../http/omittable';

export class AddKpiDto extends AmendmentReason {
  @ApiProperty({ example: 'จำนวนแกนนำที่ผ่านการอบรม' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  descriptionTh!: string;
  @ApiPropertyOptional() @Omittable() @Trim() @IsString() @MaxLength(1000) descriptionEn?: string;
  @ApiProperty({ example: 'คน' }) @Trim() @IsString() @MinLength(1) @MaxLength(40) unit!: string;
  @MeasureField(true, 50) target!: number;
}
