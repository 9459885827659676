import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@ruamjai/kernel';

export class SessionUserDto {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() agency!: string;
  @ApiProperty({ example: 'TH-27', description: 'จังหวัดของผู้ใช้ (ISO 3166-2) / The province the person works in' })
  province!: string;
}

export class SignInAnswerDto {
  @ApiProperty({ enum: ['signed_in', 'password_change_required', 'second_factor_enrolment_required'] })
  status!: 'signed_in' | 'password_change_required' | 'second_factor_enrolment_required';
  @ApiPropertyOptional({
    description: 'Bearer token for API calls (short-lived); renew it with POST /api/v1/auth/refresh',
  })
  accessToken?: string;
  @ApiPropertyOptional() expiresIn?: number;
  @ApiPropertyOptional({
    description: 'Send back as X-CSRF-Token on refresh and sign-out (also in the ruamjai_csrf cookie)',
  })
  csrfToken?: string;
  @ApiPropertyOptional({ type: SessionUserDto }) user?: SessionUserDto;
  @ApiPropertyOptional({ description: 'For the next first-sign-in step' }) challenge?: string;
  @ApiPropertyOptional({ description: 'TOTP secret (base32) to enter in an authenticator app' }) secret?: string;
  @ApiPropertyOptional({ description: 'otpauth:// URI, for a QR code' }) otpauthUri?: string;
}

export class MeDto extends SessionUserDto {
  @ApiPropertyOptional({ description: 'The sign-in session, absent for machine tokens' }) sessionId?: string;
}

export class OidcSignInMethodDto {
  @ApiProperty({ example: 'Keycloak', description: 'The provider’s name for the button: "เข้าสู่ระบบด้วย …"' })
  providerName!: string;
  @ApiProperty({
    example: '/api/v1/auth/oidc/start',
    description: 'Open in the browser (a navigation, not a fetch): it redirects to the provider',
  })
  startUrl!: string;
  @ApiProperty({
    example: '/api/v1/auth/oidc/sign-out',
    description:
      'Open in the browser after POST /api/v1/auth/sign-out: it ends the session at the provider too (RP-initiated logout), so the next person at the desk must sign in there again',
  })
  signOutUrl!: string;
}

export class SignInMethodsDto {
  @ApiProperty({ description: 'The embedded directory’s password (and TOTP) sign-in is open' }) password!: boolean;
  @ApiProperty({
    type: OidcSignInMethodDto,
    nullable: true,
    description: 'Sign-in through the OpenID provider, when configured',
  })
  oidc!: OidcSignInMethodDto | null;
}
