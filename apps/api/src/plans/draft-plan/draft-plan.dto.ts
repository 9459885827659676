import { Trim } from '../../http/trim';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Omittable } from '../../http/omittable';

export class DraftPlanDto {
  @ApiProperty({ example: 'TH-27', description: 'ISO 3166-2:TH province code' })
  @Matches(/^TH-\d{2}$/, { message: 'provinceCode must look like TH-27' })
  provinceCode!: string;

  @ApiProperty({ example: 2562, description: 'Fiscal year in the Buddhist Era (FY2562 = 2018-10-01..2019-09-30)' })
  @IsInt()
  @Min(2500)
  @Max(2700)
  fiscalYear!: number;

  @ApiProperty({ example: 'แผนปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์ จังหวัดสระแก้ว ปี 2562' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  titleTh!: string;

  @ApiPropertyOptional({ example: 'Sa Kaeo anti-trafficking action plan FY2562' })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  titleEn?: string;
}

export class CommandResponseDto {
  @ApiProperty({ description: 'Stream revision after the command; also the ETag' })
  revision!: string;
  @ApiProperty({ description: 'Global position written; pass as ?minPosition= to read your write' })
  position!: string;
}

export class DraftPlanResponseDto extends CommandResponseDto {
  @ApiProperty({ format: 'uuid' })
  planId!: string;
}
