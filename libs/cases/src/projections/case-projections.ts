import type { RecordedEvent } from '@ruamjai/event-store';
import type { Projection } from '@ruamjai/read-models';
import type { Transaction } from 'kysely';
import { CASE_EVENT_TYPES, type CaseEvent } from '../case/case.events';
import { COMMITMENT_EVENT_TYPES, type CommitmentEvent } from '../commitment/commitment.events';
import type { AccessLogEvent } from '../access/case-access';
import { REFERRAL_EVENT_TYPES, type ReferralEvent } from '../referral/referral.events';
import { REFERRAL_REGISTER, type CasesTables } from './cases-tables';
import { rowProjection, type Change } from './row-projection';

type CaseRow = CasesTables['case_register'];
type ReferralRow = CasesTables['referral_register'];
type CommitmentRow = CasesTables['commitment_register'];

/** case row + event -> case row: pure. Holds no personal field, no ciphertext. */
export function evolveCaseRow(
  row: CaseRow | undefined,
  { event, revision, occurredAt }: Change<CaseEvent>,
): CaseRow | undefined {
  if (event.type === 'CaseOpened') {
    const d = event.data;
    return {
      case_id: d.caseId,
      owning_agency: d.owningAgency,
      province: d.province ?? null,
      district_code: d.districtCode,
      source: d.source,
      age_group: d.ageGroup,
      stage: 'screening',
      status: 'open',
      identification: null,
      case_manager_id: null,
      consent: 0,
      legal_basis: null,
      erased: 0,
      found_on: d.foundOn,
      opened_at: d.openedAt,
      screened_at: null,
      closed_at: null,
      closure_outcome: null,
      revision,
      updated_at: occurredAt,
    };
  }
  if (!row) return row;
  const next = { ...row, revision, updated_at: occurredAt };
  switch (event.type) {
    case 'CaseScreened':
      return { ...next, stage: 'identification', screened_at: occurredAt };
    case 'VictimIdentificationRecorded':
      return {
        ...next,
        identification: event.data.outcome,
        stage: event.data.outcome === 'victim' ? 'protection_assistance' : row.stage,
      };
    case 'NrmStageAdvanced':
      return { ...next, stage: event.data.to };
    case 'CaseManagerAssigned':
      return { ...next, case_manager_id: event.data.caseManagerId };
    case 'CaseClosed':
      return { ...next, status: 'closed', closed_at: event.data.closedAt, closure_outcome: event.data.outcome };
    case 'CaseReopened':
      return { ...next, status: 'open', closed_at: null, closure_outcome: null };
    case 'ConsentRecorded':
      return { ...next, consent: 1 };
    case 'ConsentWithdrawn':
      return { ...next, consent: 0 };
    case 'LegalBasisRecorded':
      return { ...next, legal_basis: event.data.basis };
    case 'PersonalDataErased':
      return { ...next, erased: 1 };
    case 'PersonalDataUpdated':
    case 'ErasureRefused':
      return next;
    default: {
      const _: never = event;
      return row;
    }
  }
}

export function evolveReferralRow(
  row: ReferralRow | undefined,
  { event, revision, occurredAt }: Change<ReferralEvent>,
): ReferralRow | undefined {
  if (event.type === 'ReferralSent') {
    const d = event.data;
    return {
      referral_id: d.referralId,
      case_id: d.caseId,
      province: d.province ?? null,
      to_province: d.toProvince ?? null,
      from_agency: d.fromAgency,
      to_agency: d.toAgency,
      service: d.service,
      urgency: d.urgency,
      status: 'sent',
      shares_personal_data: d.sharesPersonalData ? 1 : 0,
      sent_at: d.sentAt,
      due_at: d.dueAt,
      acknowledged_at: null,
      accepted_at: null,
      finished_at: null,
      outcome: null,
      overdue: 0,
      escalated_at: null,
      revision,
      updated_at: occurredAt,
    };
  }
  if (!row) return row;
  const next = { ...row, revision, updated_at: occurredAt };
  switch (event.type) {
    case 'ReferralAccepted':
      return {
        ...next,
        status: 'accepted',
        acknowledged_at: event.data.acceptedAt,
        accepted_at: event.data.acceptedAt,
      };
    case 'ReferralDeclined':
      return {
        ...next,
        status: 'declined',
        acknowledged_at: event.data.declinedAt,
        finished_at: event.data.declinedAt,
      };
    case 'ReferralServiceStarted':
      return { ...next, status: 'in_progress' };
    case 'ReferralCompleted':
      return { ...next, status: 'completed', finished_at: event.data.completedAt, outcome: event.data.outcome };
    case 'ReferralRevoked':
      return { ...next, status: 'revoked', finished_at: event.data.revokedAt };
    case 'ReferralOverdue':
      return { ...next, overdue: 1 };
    case 'ReferralEscalated':
      return { ...next, escalated_at: occurredAt };
    default: {
      const _: never = event;
      return row;
    }
  }
}

export function evolveCommitmentRow(
  row: CommitmentRow | undefined,
  { event, revision, occurredAt }: Change<CommitmentEvent>,
): CommitmentRow | undefined {
  if (event.type === 'CommitmentPledged') {
    const d = event.data;
    return {
      commitment_id: d.commitmentId,
      agency: d.agency,
      province: d.province ?? null,
      target_kind: d.target.kind,
      target_id: d.target.kind === 'case' ? d.target.caseId : d.target.projectId,
      plan_id: d.target.kind === 'project' ? d.target.planId : null,
      resource: d.resource,
      quantity: d.quantity,
      fulfilled: 0,
      due_on: d.dueOn,
      status: 'pledged',
      revision,
      updated_at: occurredAt,
    };
  }
  if (!row) return row;
  const next = { ...row, revision, updated_at: occurredAt };
  switch (event.type) {
    case 'CommitmentFulfilled':
      return { ...next, fulfilled: event.data.fulfilledTotal, status: event.data.complete ? 'fulfilled' : row.status };
    case 'CommitmentRevised':
      return {
        ...next,
        quantity: event.data.quantity,
        due_on: event.data.dueOn,
        status: event.data.quantity === Number(row.fulfilled) ? 'fulfilled' : row.status,
      };
    case 'CommitmentWithdrawn':
      return { ...next, status: 'withdrawn' };
    default: {
      const _: never = event;
      return row;
    }
  }
}

const dataId = (field: string) => (event: RecordedEvent) => (event.data as Record<string, string>)[field];

export const caseRegisterProjection = rowProjection<'case_register', CaseEvent>({
  name: 'case-register',
  table: 'case_register',
  key: 'case_id',
  handles: (e) =>
    e.streamId.startsWith('case-') && !e.streamId.startsWith('case-access-') && CASE_EVENT_TYPES.has(e.type),
  keyOf: dataId('caseId'),
  evolve: evolveCaseRow,
});

export const referralRegisterProjection = rowProjection<'referral_register', ReferralEvent>({
  name: REFERRAL_REGISTER,
  table: 'referral_register',
  key: 'referral_id',
  handles: (e) => e.streamId.startsWith('referral-') && REFERRAL_EVENT_TYPES.has(e.type),
  keyOf: dataId('referralId'),
  evolve: evolveReferralRow,
});

export const commitmentRegisterProjection = rowProjection<'commitment_register', CommitmentEvent>({
  name: 'commitment-register',
  table: 'commitment_register',
  key: 'commitment_id',
  handles: (e) => e.streamId.startsWith('commitment-') && COMMITMENT_EVENT_TYPES.has(e.type),
  keyOf: dataId('commitmentId'),
  evolve: evolveCommitmentRow,
});

/** Reads of personal data and auditors' grants, one row each, for auditors to list. */
export const personalDataAccessLogProjection: Projection = {
  name: 'personal-data-access-log',
  handles: (e) => e.streamId.startsWith('case-access-'),
  begin(base) {
    const trx = base as unknown as Transaction<CasesTables>;
    const pending: CasesTables['personal_data_access_log'][] = [];
    return {
      async apply(events) {
        for (const recorded of events) {
          const event = { type: recorded.type, data: recorded.data } as AccessLogEvent;
          if (event.type === 'PersonalDataRead') {
            const d = event.data;
            pending.push({
              event_id: recorded.id,
              case_id: d.caseId,
              kind: 'read',
              actor_id: d.actorId,
              agency: d.agency,
              role: d.role,
              purpose: d.purpose,
              ground: d.ground,
              at: d.readAt,
              until: null,
            });
          } else if (event.type === 'AuditAccessGranted') {
            const d = event.data;
            pending.push({
              event_id: recorded.id,
              case_id: d.caseId,
              kind: 'grant',
              actor_id: d.auditorId,
              agency: d.agency,
              role: 'auditor',
              purpose: d.reason,
              ground: null,
              at: d.grantedAt,
              until: d.until,
            });
          }
        }
      },
      async flush() {
        for (let i = 0; i < pending.length; i += 200) {
          await trx
            .insertInto('personal_data_access_log')
            .values(pending.slice(i, i + 200))
            .onConflict((oc) => oc.column('event_id').doNothing())
            .execute();
        }
        pending.length = 0;
      },
    };
  },
  async reset(base) {
    await (base as unknown as Transaction<CasesTables>).deleteFrom('personal_data_access_log').execute();
  },
};

export const casesProjections: readonly Projection[] = [
  caseRegisterProjection,
  referralRegisterProjection,
  commitmentRegisterProjection,
  personalDataAccessLogProjection,
];
