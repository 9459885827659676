import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFERRAL_SERVICES, URGENCIES, type ReferralService, type Urgency } from '@ruamjai/cases';
import { IsBoolean, IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { Omittable } from '../../http/omittable';

export class SendReferralDto {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty({ example: 'HEALTH-SK' }) @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/) toAgency!: string;
  @ApiProperty({ enum: REFERRAL_SERVICES, description: 'Service under s.33 of the Anti-Trafficking in Persons Act' })
  @IsIn(REFERRAL_SERVICES)
  service!: ReferralService;
  @ApiProperty({ enum: URGENCIES }) @IsIn(URGENCIES) urgency!: Urgency;
  @ApiPropertyOptional({
    description: 'When the recipient must acknowledge; default 24 h (urgent) or 72 h (normal) from now',
  })
  @Omittable()
  @IsISO8601({ strict: true })
  dueAt?: string;
  @ApiProperty({ description: "Whether the recipient gets the person's data: needs recorded consent or a legal basis" })
  @IsBoolean()
  sharesPersonalData!: boolean;
}

export class SendReferralResponseDto {
  @ApiProperty() referralId!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
}
