import { DomainError, ROLE_LABELS, withinReach, type Actor, type Decider, type Role } from '@ruamjai/kernel';
import type { Base } from '../command';
import type { CaseCommand } from '../case/case.commands';
import { CaseNotFound } from '../case/case.errors';
import type { CommitmentCommand } from '../commitment/commitment.commands';
import type { ReferralCommand } from '../referral/referral.commands';
import { ACTIVE_REFERRAL_STATUSES, type ReferralStatus } from '../referral/referral.state';

/** Why someone may see a case's personal data. Recorded with every read. */
export type AccessGround = 'coordinator' | 'owning_agency' | 'active_referral' | 'audit_grant';

/** What need-to-know is judged on, read from the case, its referrals and its access log just before the read. */
export interface CaseAccessFacts {
  readonly owningAgency: string;
  /** The case's province (the deployment's for cases opened before provinces). */
  readonly province: string;
  readonly referrals: ReadonlyArray<{
    readonly toAgency: string;
    readonly status: ReferralStatus;
    readonly sharesPersonalData: boolean;
    /** The recipient agency's province; absent or null: the case's (a local referral). */
    readonly toProvince?: string | null;
  }>;
  /** When this actor's own audit access grant on the case ends, if they recorded one. */
  readonly auditGrantUntil: string | null;
  /**
   * Whether sharing still rests on something: the person's consent, or a recorded legal basis.
   * Consent withdrawn with no legal basis ends every recipient's access, not only future referrals'.
   */
  readonly sharingBasis: boolean;
}

/** Whether the actor's agency holds an active referral of the case, answered in a province the actor works in. */
const activeFor = (facts: Pick<CaseAccessFacts, 'referrals' | 'province'>, actor: Actor, sharing: boolean): boolean =>
  facts.referrals.some(
    (r) =>
      r.toAgency === actor.agency &&
      withinReach(actor, r.toProvince ?? facts.province) &&
      ACTIVE_REFERRAL_STATUSES.includes(r.status) &&
      (!sharing || r.sharesPersonalData),
  );

/**
 * A case's personal data: the coordinator, the owning agency's case workers, and agencies holding an
 * active referral that shares it. Auditors only under a reasoned grant of their own, while it lasts.
 * Everyone else (the chair, viewers, other agencies, a recipient whose referral ended) sees none.
 */
export function personalDataGround(actor: Actor, facts: CaseAccessFacts, at: Date): AccessGround | null {
  // Across provinces only the recipient agency of an active referral, and only the data it shares:
  // the other province's coordinator, auditors and every other agency learn nothing of the case.
  if (!withinReach(actor, facts.province))
    return actor.role === 'agency_officer' && facts.sharingBasis && activeFor(facts, actor, true)
      ? 'active_referral'
      : null;
  switch (actor.role) {
    case 'coordinator':
      return 'coordinator';
    case 'agency_officer':
      if (actor.agency === facts.owningAgency) return 'owning_agency';
      return facts.sharingBasis && activeFor(facts, actor, true) ? 'active_referral' : null;
    case 'auditor':
      return facts.auditGrantUntil !== null && Date.parse(facts.auditGrantUntil) > at.getTime() ? 'audit_grant' : null;
    // National roles read case records across provinces but never a person's data: that stays with
    // those who work the case, and with a provincial auditor under a reasoned grant.
    case 'chair':
    case 'viewer':
    case 'secretariat':
    case 'national_auditor':
    case 'national_viewer':
      return null;
    default: {
      const _: never = actor.role;
      return null;
    }
  }
}

/**
 * A case's record without personal data: the same parties, plus auditors (who audit everything),
 * all of the case's province; and national auditors, in every province.
 */
export function mayReadCase(
  actor: Actor,
  facts: Pick<CaseAccessFacts, 'owningAgency' | 'referrals' | 'province'>,
): boolean {
  if (!withinReach(actor, facts.province)) return actor.role === 'agency_officer' && activeFor(facts, actor, false);
  if (actor.role === 'coordinator' || actor.role === 'auditor' || actor.role === 'national_auditor') return true;
  if (actor.role !== 'agency_officer') return false;
  return actor.agency === facts.owningAgency || activeFor(facts, actor, false);
}

export class CaseNotPermitted extends DomainError {
  readonly code = 'AUTH.NOT_PERMITTED';
  readonly kind = 'forbidden';
  constructor(role: Role, action: string) {
    super(
      {
        th: `บทบาท ${ROLE_LABELS[role].th} ไม่มีสิทธิ์ทำรายการ ${action}`,
        en: `The ${ROLE_LABELS[role].en} role may not ${action}`,
      },
      { role, action },
    );
  }
}

export class PersonalDataNotPermitted extends DomainError {
  readonly code = 'PERSONAL_DATA.NOT_PERMITTED';
  readonly kind = 'forbidden';
  constructor(caseId: string) {
    super(
      {
        th: `คุณไม่มีความจำเป็นต้องรู้ข้อมูลส่วนบุคคลของกรณี ${caseId} (เฉพาะหน่วยงานเจ้าของกรณี หน่วยงานที่รับการส่งต่อ และผู้ประสานงาน)`,
        en: `You have no need to know the personal data of case ${caseId} (the owning agency, agencies holding an active referral, and the coordinator do)`,
      },
      { caseId },
    );
  }
}

const WORKERS: readonly Role[] = ['coordinator', 'agency_officer'];

/**
 * Who may issue which command. Case work belongs to the owning agency's officers and the
 * coordinator; erasure decisions to the coordinator (the data controller's office); agencies
 * answer their own referrals and keep their own pledges (checked in the deciders).
 */
export function authoriseCaseCommand(
  actor: Actor,
  command: CaseCommand['type'],
  owner: { readonly agency: string; readonly province: string } | null,
  caseId: string,
): void {
  const owningAgency = owner?.agency ?? null;
  if (command === 'ErasePersonalData' || command === 'RefuseErasure') {
    if (actor.role !== 'coordinator') throw new CaseNotPermitted(actor.role, command);
    if (owner && !withinReach(actor, owner.province)) throw new CaseNotFound(caseId);
    return;
  }
  if (!WORKERS.includes(actor.role)) throw new CaseNotPermitted(actor.role, command);
  // Another province's case, too: it is not known here.
  if (owner && !withinReach(actor, owner.province)) throw new CaseNotFound(caseId);
  // Another agency's case is answered as an unknown one: a command must not confirm that a case exists.
  if (actor.role === 'agency_officer' && owningAgency !== null && actor.agency !== owningAgency)
    throw new CaseNotFound(caseId);
}

export function authoriseReferralCommand(actor: Actor, command: ReferralCommand['type']): void {
  if (command === 'MarkReferralOverdue' || !WORKERS.includes(actor.role))
    throw new CaseNotPermitted(actor.role, command);
}

export function authoriseCommitmentCommand(actor: Actor, command: CommitmentCommand['type']): void {
  if (!WORKERS.includes(actor.role)) throw new CaseNotPermitted(actor.role, command);
}

// --- The access log of one case: reads of its personal data and auditors' grants. ---

export type RecordPersonalDataRead = Base<
  'RecordPersonalDataRead',
  { caseId: string; purpose: string; ground: AccessGround }
>;
export type GrantAuditAccess = Base<'GrantAuditAccess', { caseId: string; reason: string; until: string }>;
export type AccessLogCommand = RecordPersonalDataRead | GrantAuditAccess;

export type AccessLogEvent =
  | {
      type: 'PersonalDataRead';
      data: {
        caseId: string;
        actorId: string;
        agency: string;
        role: Role;
        purpose: string;
        ground: AccessGround;
        readAt: string;
      };
    }
  | {
      type: 'AuditAccessGranted';
      data: { caseId: string; auditorId: string; agency: string; reason: string; grantedAt: string; until: string };
    };

export interface AccessLogState {
  readonly grants: ReadonlyArray<{ readonly auditorId: string; readonly until: string }>;
}

export const accessLogStreamId = (caseId: string): string => `case-access-${caseId}`;

export class PurposeRequired extends DomainError {
  readonly code = 'PERSONAL_DATA.PURPOSE_REQUIRED';
  readonly kind = 'invalid';
  constructor(what: 'purpose' | 'reason') {
    super({
      th: what === 'purpose' ? 'ต้องระบุวัตถุประสงค์ของการเข้าถึงข้อมูลส่วนบุคคล' : 'ต้องระบุเหตุผลของการขอสิทธิ์เข้าถึง',
      en:
        what === 'purpose'
          ? 'State why you read this personal data (purpose)'
          : 'State the reason for the access grant',
    });
  }
}

/** The latest grant an auditor holds on the case, if any. */
export function auditGrantUntil(state: AccessLogState, auditorId: string): string | null {
  const mine = state.grants
    .filter((g) => g.auditorId === auditorId)
    .map((g) => g.until)
    .sort();
  return mine.at(-1) ?? null;
}

export const accessLogDecider: Decider<AccessLogCommand, AccessLogState, AccessLogEvent> = {
  initialState: { grants: [] },
  decide(command) {
    const { caseId } = command.data;
    const { actor } = command;
    switch (command.type) {
      case 'RecordPersonalDataRead':
        if (!command.data.purpose.trim()) throw new PurposeRequired('purpose');
        return [
          {
            type: 'PersonalDataRead',
            data: {
              caseId,
              actorId: actor.id,
              agency: actor.agency,
              role: actor.role,
              purpose: command.data.purpose.trim(),
              ground: command.data.ground,
              readAt: command.at.toISOString(),
            },
          },
        ];
      case 'GrantAuditAccess':
        if (actor.role !== 'auditor') throw new CaseNotPermitted(actor.role, 'GrantAuditAccess');
        if (!command.data.reason.trim()) throw new PurposeRequired('reason');
        return [
          {
            type: 'AuditAccessGranted',
            data: {
              caseId,
              auditorId: actor.id,
              agency: actor.agency,
              reason: command.data.reason.trim(),
              grantedAt: command.at.toISOString(),
              until: command.data.until,
            },
          },
        ];
      default: {
        const _: never = command;
        throw new Error(`unknown command ${JSON.stringify(_)}`);
      }
    }
  },
  evolve(state, event) {
    return event.type === 'AuditAccessGranted'
      ? { grants: [...state.grants, { auditorId: event.data.auditorId, until: event.data.until }] }
      : state;
  },
};
