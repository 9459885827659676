import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An agency's code, as the directory keeps it. */
export const AGENCY = /^[A-Z0-9][A-Z0-9-]{0,63}$/;

/** What a change to an account answers: its revision and position (and, once, a one-time password). */
export class UserCommandAnswerDto {
  @ApiProperty() username!: string;
  @ApiProperty() revision!: string;
  @ApiProperty() position!: string;
  @ApiPropertyOptional({ description: 'Shown once: the person must change it at first sign-in' })
  oneTimePassword?: string;
}
