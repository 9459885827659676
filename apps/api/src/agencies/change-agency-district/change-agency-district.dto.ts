import { ApiProperty } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';

export class ChangeAgencyDistrictDto {
  @ApiProperty({ nullable: true, example: '2706' })
  @ValidateIf((_, value) => value !== null)
  @Matches(/^\d{4}$/)
  districtCode!: string | null;
}
