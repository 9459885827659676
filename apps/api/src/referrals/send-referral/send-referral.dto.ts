import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_SERVICES,
  URGENCIES,
  type ReferralOutcome,
  type ReferralService,
  type Urgency,
} from '@ruamjai/cases';
import { IsBoolean, IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../http/trim';
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

export class DeclineReferralDto {
  @ApiProperty({ example: 'เตียงเต็ม ขอส่งต่อไปบ้านพักจังหวัดใกล้เคียง' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

export class CompleteReferralDto {
  @ApiProperty({ enum: REFERRAL_OUTCOMES }) @IsIn(REFERRAL_OUTCOMES) outcome!: ReferralOutcome;
}
