import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@ruamjai/kernel';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Omittable } from '../http/omittable';
import { Trim } from '../http/trim';

export class SignInDto {
  @ApiProperty({ example: 'somchai' })
  @Trim()
  @IsString()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'The six-digit code from the authenticator app (coordinators, agency officers, auditors)',
  })
  @Omittable()
  @Matches(/^\d{6}$/, { message: 'code must be six digits' })
  code?: string;
}

export class PasswordChangeDto {
  @ApiProperty({ description: 'The challenge from the sign-in answer' })
  @IsString()
  @MaxLength(4000)
  challenge!: string;

  @ApiProperty({ format: 'password', minLength: 12 })
  @IsString()
  @MaxLength(256)
  newPassword!: string;
}

export class SecondFactorEnrolmentDto {
  @ApiProperty({ description: 'The challenge from the previous step' })
  @IsString()
  @MaxLength(4000)
  challenge!: string;

  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be six digits' })
  code!: string;
}

export class SessionUserDto {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() agency!: string;
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

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const AGENCY = /^[A-Z0-9][A-Z0-9-]{0,63}$/;

export class RegisterUserDto {
  @ApiProperty({ example: 'malee.s' })
  @Matches(USERNAME, { message: 'username must be 3-64 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: 'มาลี ใจดี' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'IMM-SK' })
  @Matches(AGENCY, { message: 'agency must be an agency code' })
  agency!: string;
}

export class ChangeUserRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: 'PSDHS-SK' })
  @Matches(AGENCY, { message: 'agency must be an agency code' })
  agency!: string;

  @ApiProperty({ example: 'ย้ายไปฝ่ายเลขานุการ' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class DeactivateUserDto {
  @ApiProperty({ example: 'ย้ายราชการ' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export class UserCommandAnswerDto {
  @ApiProperty() username!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
  @ApiPropertyOptional({ description: 'Shown once: the person must change it at first sign-in' })
  oneTimePassword?: string;
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
