import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { THAI_PROVINCES } from '@ruamjai/kernel';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { PublishedCountDto } from '../cases/case-views.dto';
import { Omittable } from '../http/omittable';

export class NationalRollupQueryDto {
  @ApiProperty({ type: 'integer', example: 2569, description: 'Buddhist-era fiscal year (1 October – 30 September)' })
  @Type(() => Number)
  @IsInt()
  @Min(2551)
  @Max(2700)
  fiscalYear!: number;

  @ApiPropertyOptional({ example: 'TH-27', description: 'One province (ISO 3166-2:TH)' })
  @Omittable()
  @IsIn(Object.keys(THAI_PROVINCES), { message: 'province must be a province code such as TH-27' })
  province?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @Omittable()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ description: 'Wait until the roll-up includes this position (read your write)' })
  @Omittable()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;
}

class RollupPlanDto {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ example: 'approved' }) status!: string;
}

class PlanStatusCountDto {
  @ApiProperty({ example: 'approved' }) status!: string;
  @ApiProperty({ type: 'integer' }) plans!: number;
}

const COUNT = (description: string) => ({ type: PublishedCountDto, description });

/** Money in satang and activities: never withheld. Counts of cases and referrals: under the small-count rule. */
class RollupFiguresDto {
  @ApiProperty({ type: 'integer', description: 'Planned budget, satang' }) budgetSatang!: number;
  @ApiProperty({ type: 'integer' }) fundRequestedSatang!: number;
  @ApiProperty({ type: 'integer' }) fundApprovedSatang!: number;
  @ApiProperty({ type: 'integer' }) fundDisbursedSatang!: number;
  @ApiProperty({ type: 'integer' }) spentSatang!: number;
  @ApiProperty({ type: 'integer' }) activitiesPlanned!: number;
  @ApiProperty({ type: 'integer' }) activitiesDone!: number;
  @ApiProperty(COUNT('กรณีที่เปิดในปีงบประมาณ / Cases opened in the fiscal year (Thai time)'))
  casesOpened!: PublishedCountDto;
  @ApiProperty(COUNT('ในจำนวนนั้น ที่ยังไม่ปิด / Of those, not closed'))
  casesOpen!: PublishedCountDto;
  @ApiProperty(COUNT('ในจำนวนนั้น ที่คัดแยกแล้วว่าเป็นผู้เสียหาย / Of those, identified as victims'))
  victimsIdentified!: PublishedCountDto;
  @ApiProperty(COUNT('การส่งต่อที่ส่งในปีและยังไม่เสร็จ / Referrals sent in the year, not finished'))
  referralsOpen!: PublishedCountDto;
  @ApiProperty(COUNT('ในจำนวนนั้น ที่ยังไม่ตอบรับและเกินกำหนด / Of those, unanswered and past due'))
  referralsOverdue!: PublishedCountDto;
}

export class ProvinceRollupDto extends RollupFiguresDto {
  @ApiProperty({ example: 'TH-27' }) provinceCode!: string;
  @ApiProperty({ example: 'สระแก้ว' }) nameTh!: string;
  @ApiProperty({ example: 'Sa Kaeo' }) nameEn!: string;
  @ApiProperty({ type: [RollupPlanDto] }) plans!: RollupPlanDto[];
}

export class NationalTotalsDto extends RollupFiguresDto {
  @ApiProperty({ type: 'integer' }) plans!: number;
  @ApiProperty({ type: 'integer' }) provincesWithPlan!: number;
  @ApiProperty({ type: [PlanStatusCountDto] }) planStatuses!: PlanStatusCountDto[];
}

export class NationalRollupDto {
  @ApiProperty({ enum: ['national', 'province'] }) scope!: 'national' | 'province';
  @ApiProperty({ type: 'integer', example: 2569 }) fiscalYear!: number;
  @ApiProperty({ example: '2025-10-01' }) fiscalYearStart!: string;
  @ApiProperty({ example: '2026-09-30' }) fiscalYearEnd!: string;
  @ApiProperty({ type: 'integer', description: 'Counts from 1 to threshold-1 are withheld' }) threshold!: number;
  @ApiProperty({
    type: [ProvinceRollupDto],
    description: 'Every province in code order (national scope), or the one asked for or allowed',
  })
  provinces!: ProvinceRollupDto[];
  @ApiProperty({
    type: NationalTotalsDto,
    nullable: true,
    description: 'The national row; null for provincial roles',
  })
  national!: NationalTotalsDto | null;
}
