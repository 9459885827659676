import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import type { IntegrationMapper, IntegrationMessage } from '@ruamjai/messaging';
import { CASE_EVENT_TYPES, type CaseEvent } from '../case/case.events';
import { REFERRAL_EVENT_TYPES, type ReferralEvent } from '../referral/referral.events';

export const CASES_TOPIC = 'ruamjai.cases.v1';
export const REFERRALS_TOPIC = 'ruamjai.referrals.v1';

/**
 * The public contract of case and referral events. Fields are picked one by one and none is
 * personal: no name, birth date, nationality, contact, document number, note, or free-text reason
 * (reasons are written by people about people, so they stay inside). Sealed personal data never
 * leaves, not even as ciphertext. Officials are named by agency only, like plan events.
 */
function envelope(
  event: RecordedEvent,
  topic: string,
  source: string,
  type: string,
  subject: string,
  data: object,
): IntegrationMessage {
  const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
  return {
    topic,
    key: event.streamId,
    envelope: {
      specversion: '1.0',
      id: event.id,
      source,
      type,
      subject,
      time: meta.occurredAt ?? event.created.toISOString(),
      datacontenttype: 'application/json',
      sequence: event.position.toString(),
      data: { ...data, revision: Number(event.revision), agency: meta.agency ?? null },
    },
  };
}

export const caseIntegrationEvents: IntegrationMapper = (event) => {
  if (
    !event.streamId.startsWith('case-') ||
    event.streamId.startsWith('case-access-') ||
    !CASE_EVENT_TYPES.has(event.type)
  )
    return undefined;
  const e = { type: event.type, data: event.data } as CaseEvent;
  const out = (name: string, data: object) =>
    envelope(event, CASES_TOPIC, '/ruamjai/cases', `th.ruamjai.cases.${name}.v1`, e.data.caseId, {
      caseId: e.data.caseId,
      ...data,
    });
  switch (e.type) {
    case 'CaseOpened':
      return out('case-opened', {
        owningAgency: e.data.owningAgency,
        source: e.data.source,
        districtCode: e.data.districtCode,
        ageGroup: e.data.ageGroup,
      });
    case 'CaseScreened':
      return out('case-screened', { indicators: e.data.indicators });
    case 'VictimIdentificationRecorded':
      return out('victim-identification-recorded', {
        outcome: e.data.outcome,
        decidedOn: e.data.decidedOn,
        decidingAgency: e.data.decidingAgency,
      });
    case 'NrmStageAdvanced':
      return out('nrm-stage-advanced', { from: e.data.from, to: e.data.to });
    case 'CaseClosed':
      return out('case-closed', { outcome: e.data.outcome });
    case 'CaseReopened':
      return out('case-reopened', {});
    case 'ConsentRecorded':
      return out('consent-recorded', { scope: e.data.scope });
    case 'ConsentWithdrawn':
      return out('consent-withdrawn', {});
    case 'LegalBasisRecorded':
      return out('legal-basis-recorded', { basis: e.data.basis });
    case 'PersonalDataErased':
      // Consumers holding copies erase them too (PDPA s.33: copies included).
      return out('personal-data-erased', {});
    case 'ErasureRefused':
      return out('erasure-refused', { legalGround: e.data.legalGround });
    case 'CaseManagerAssigned':
    case 'PersonalDataUpdated':
      return undefined;
    default: {
      const _: never = e;
      return undefined;
    }
  }
};

export const referralIntegrationEvents: IntegrationMapper = (event) => {
  if (!event.streamId.startsWith('referral-') || !REFERRAL_EVENT_TYPES.has(event.type)) return undefined;
  const e = { type: event.type, data: event.data } as ReferralEvent;
  const out = (name: string, data: object) =>
    envelope(event, REFERRALS_TOPIC, '/ruamjai/referrals', `th.ruamjai.referrals.${name}.v1`, e.data.referralId, {
      referralId: e.data.referralId,
      ...data,
    });
  switch (e.type) {
    case 'ReferralSent': {
      const d = e.data;
      return out('referral-sent', {
        caseId: d.caseId,
        fromAgency: d.fromAgency,
        toAgency: d.toAgency,
        service: d.service,
        urgency: d.urgency,
        sentAt: d.sentAt,
        dueAt: d.dueAt,
        sharesPersonalData: d.sharesPersonalData,
      });
    }
    case 'ReferralAccepted':
      return out('referral-accepted', { acceptedAt: e.data.acceptedAt });
    case 'ReferralDeclined':
      return out('referral-declined', { declinedAt: e.data.declinedAt });
    case 'ReferralServiceStarted':
      return out('referral-service-started', { startedAt: e.data.startedAt });
    case 'ReferralCompleted':
      return out('referral-completed', { outcome: e.data.outcome, completedAt: e.data.completedAt });
    case 'ReferralRevoked':
      return out('referral-revoked', { revokedAt: e.data.revokedAt });
    case 'ReferralOverdue':
      return out('referral-overdue', {
        caseId: e.data.caseId,
        toAgency: e.data.toAgency,
        dueAt: e.data.dueAt,
        urgency: e.data.urgency,
      });
    case 'ReferralEscalated':
      return out('referral-escalated', { caseId: e.data.caseId, toRole: e.data.toRole, cause: e.data.reason });
    default: {
      const _: never = e;
      return undefined;
    }
  }
};
