import { ApiProperty } from '@nestjs/swagger';
import { FUND_CATEGORIES, type FundCategory } from '@ruamjai/planning';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';

export class SubmitFundRequestDto {
  @ApiProperty({ example: 15000000, description: 'Amount asked of the Fund, in satang' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountSatang!: number;

  @ApiProperty({ example: 'ช่วยเหลือผู้เสียหาย 40 คน ตามมาตรา 33' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  justification!: string;

  @ApiProperty({ enum: FUND_CATEGORIES, description: 'Purpose under the Anti-Trafficking in Persons Act s.44' })
  @IsIn(FUND_CATEGORIES)
  category!: FundCategory;
}
