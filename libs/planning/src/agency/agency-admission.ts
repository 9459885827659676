import { DomainError, type Actor } from '@ruamjai/kernel';
import type { AgencyState } from './agency.state';

/** The token names an agency the directory does not hold: it may change nothing and read no person. */
export class ActorAgencyNotRegistered extends DomainError {
  readonly code = 'AUTH.AGENCY_NOT_REGISTERED';
  readonly kind = 'forbidden';
  constructor(agencyCode: string) {
    super(
      {
        th: `หน่วยงาน ${agencyCode} ของผู้ใช้ไม่อยู่ในทะเบียนหน่วยงาน จึงทำรายการนี้ไม่ได้ (ให้ผู้ประสานงานลงทะเบียนหน่วยงานก่อน)`,
        en: `Your agency ${agencyCode} is not in the agency directory, so you may not do this (the coordinator registers it first)`,
      },
      { agencyCode },
    );
  }
}

/** The token names an agency that was deactivated: its staff keep read access to nothing personal and change nothing. */
export class ActorAgencyInactive extends DomainError {
  readonly code = 'AUTH.AGENCY_INACTIVE';
  readonly kind = 'forbidden';
  constructor(agencyCode: string) {
    super(
      {
        th: `หน่วยงาน ${agencyCode} ของผู้ใช้ถูกยกเลิกในทะเบียนแล้ว จึงทำรายการนี้ไม่ได้`,
        en: `Your agency ${agencyCode} was deactivated in the directory, so you may not do this`,
      },
      { agencyCode },
    );
  }
}

/**
 * Whether an actor may issue a command or read a person's data: their agency must be registered and
 * active. The one way in for an agency not yet registered is the first registration of a new centre:
 * a coordinator registering an agency while the log is still empty.
 */
export function admitActorAgency(
  actor: Actor,
  agency: AgencyState,
  bootstrap: { logEmpty: boolean; registersAgency: boolean },
): void {
  if (agency.status === 'active') return;
  if (agency.status === 'inactive') throw new ActorAgencyInactive(actor.agency);
  if (bootstrap.logEmpty && bootstrap.registersAgency && actor.role === 'coordinator') return;
  throw new ActorAgencyNotRegistered(actor.agency);
}
