import type { Base } from '../../command';

/** How repeated failures lock an account: after `maxFailures` in a row, for `baseSeconds`, doubling with each further failure. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

/** What the application checked before asking the user's stream to record an attempt (hashing is not the domain's). */
export interface SignInCheck {
  readonly passwordValid: boolean;
  /** `not_required` when the role needs no second factor or it is not yet enrolled (first sign-in). */
  readonly secondFactor: 'valid' | 'invalid' | 'missing' | 'not_required';
}

export type AttemptSignIn = Base<
  'AttemptSignIn',
  { username: string; check: SignInCheck; sessionId: string; policy: LockoutPolicy; client: string }
>;
