import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_TYPES, type AgencyType } from '@ruamjai/planning';
import { IsIn } from 'class-validator';

export class ChangeAgencyTypeDto {
  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  agencyType!: AgencyType;
}
