import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@ruamjai/kernel';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Omittable } from '../http/omittable';
import { Trim } from '../http/trim';

export class LocalTextDto {
  @ApiProperty() th!: string;
  @ApiProperty() en!: string;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'referral_received' }) kind!: string;
  @ApiProperty({ type: LocalTextDto }) subject!: LocalTextDto;
  @ApiProperty({ type: LocalTextDto }) body!: LocalTextDto;
  @ApiProperty({ example: '/referrals/…', description: 'Path in the console' }) link!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) deliveredAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class InboxDto {
  @ApiProperty({ description: 'Unread notices in all' }) unread!: number;
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
}

export class InboxQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notices' })
  @Omittable()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MarkedDto {
  @ApiProperty({ description: 'How many notices were marked read' }) marked!: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({ description: 'Notices in the console (the bell)' })
  @IsBoolean()
  inConsole!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'malee@imm.sakaeo.go.th',
    description: 'A work e-mail address; null for no e-mail',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(254)
  email!: string | null;

  @ApiProperty({ description: 'One e-mail a day with everything since the last, instead of one a notice' })
  @IsBoolean()
  dailyDigest!: boolean;
}

export class NotificationPreferencesAnswerDto extends NotificationPreferencesDto {
  @ApiProperty() username!: string;
  @ApiProperty({ description: 'The account’s revision (also the ETag)' }) revision!: string;
}

export class WebhookSubscriptionDto {
  @ApiProperty({
    example: 'line-gateway-emp',
    description: 'A name of your choosing: lower-case letters, digits, dashes',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: 'subscriptionId must be 3-64 lower-case letters, digits or dashes' })
  subscriptionId!: string;

  @ApiProperty({ example: 'EMP-SK', description: 'Notices for this agency (and role) reach the gateway' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  agency!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'https://line-gateway.sakaeo.go.th/ruamjai' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @ApiProperty({
    minLength: 32,
    description:
      'The shared secret the gateway checks X-Ruamjai-Signature with (HMAC-SHA256 over "<timestamp>.<body>")',
  })
  @IsString()
  @MinLength(32)
  @MaxLength(256)
  secret!: string;
}

export class WebhookSubscriptionViewDto {
  @ApiProperty() subscriptionId!: string;
  @ApiProperty() agency!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() url!: string;
}

export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' }) deliveryId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ enum: ['console', 'email', 'webhook'] }) channel!: string;
  @ApiProperty() address!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
}
