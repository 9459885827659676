import { jwtVerify, SignJWT } from 'jose';
import { UserInvalid } from '../user/user.errors';
import type { Accounts } from './accounts';

export class ChallengeInvalid extends UserInvalid {
  constructor() {
    super('ขั้นตอนเข้าสู่ระบบหมดอายุหรือไม่ถูกต้อง กรุณาเข้าสู่ระบบใหม่', 'The sign-in step expired or is not valid; sign in again');
  }
}

export type ChallengeStep = 'password_change' | 'second_factor_enrolment';
export interface Challenge {
  readonly username: string;
  readonly step: ChallengeStep;
  /** The user's stream revision when the challenge was given: a replayed challenge meets a newer stream. */
  readonly revision: bigint;
  readonly secret?: string;
}

const CHALLENGE_SECONDS = 600;

/** The next first-sign-in step, signed: it names the person, the step and the stream revision it expects. */
export function issueChallenge({ key, settings }: Accounts, challenge: Challenge): Promise<string> {
  return new SignJWT({
    step: challenge.step,
    rev: challenge.revision.toString(),
    ...(challenge.secret ? { secret: challenge.secret } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(challenge.username)
    .setIssuer(settings.issuer)
    .setAudience(`${settings.audience}:sign-in-challenge`)
    .setIssuedAt()
    .setExpirationTime(`${CHALLENGE_SECONDS}s`)
    .sign(key.privateKey);
}

export async function readChallenge(
  { key, settings, clock }: Accounts,
  token: string,
  step: ChallengeStep,
): Promise<Challenge> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: settings.issuer,
      audience: `${settings.audience}:sign-in-challenge`,
      currentDate: clock.now(),
    });
    if (payload.step !== step || typeof payload.sub !== 'string' || typeof payload.rev !== 'string')
      throw new ChallengeInvalid();
    return {
      username: payload.sub,
      step,
      revision: BigInt(payload.rev),
      ...(typeof payload.secret === 'string' ? { secret: payload.secret } : {}),
    };
  } catch {
    throw new ChallengeInvalid();
  }
}
