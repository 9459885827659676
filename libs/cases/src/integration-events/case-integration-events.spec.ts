import type { RecordedEvent } from '@ruamjai/event-store';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseEvent } from '../case/case.events';
import type { ReferralEvent } from '../referral/referral.events';
import {
  caseIntegrationEvents,
  CASES_TOPIC,
  referralIntegrationEvents,
  REFERRALS_TOPIC,
} from './case-integration-events';

const schemaDir = join(__dirname, '../../../../docs/integration-events');
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const schemas = new Map(
  readdirSync(schemaDir).map((file) => {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
    return [schema.title as string, ajv.compile(schema)];
  }),
);

const caseId = '0d6f3f1e-0000-4000-8000-0000000000c1';
const referralId = '0d6f3f1e-0000-4000-8000-0000000000r1'.replace('r', 'b');
const sealed = 'rj1.aaaa.bbbb.cccc';
let position = 0n;
const recorded = (streamId: string, event: CaseEvent | ReferralEvent, revision: number): RecordedEvent => ({
  streamId,
  id: `0d6f3f1e-0000-4000-8000-${String(Number(position) + 1).padStart(12, '0')}`,
  revision: BigInt(revision),
  type: event.type,
  data: event.data,
  metadata: {
    actorId: 'malee.s',
    agency: 'SHELTER-SK',
    role: 'agency_officer',
    reason: 'ส่วนตัว',
    correlationId: 'c',
    causationId: 'c',
    commandType: 'X',
    schemaVersion: 1,
    occurredAt: '2019-05-02T03:00:00.000Z',
  },
  created: new Date('2019-05-02T03:00:01Z'),
  position: ++position,
});

const caseEvents: CaseEvent[] = [
  {
    type: 'CaseOpened',
    data: {
      caseId,
      personId: 'p',
      owningAgency: 'SHELTER-SK',
      source: 'border_screening',
      districtCode: '2706',
      foundOn: '2019-05-01',
      ageGroup: 'child',
      openedAt: '2019-05-02T03:00:00.000Z',
      personalData: sealed,
    },
  },
  { type: 'CaseScreened', data: { caseId, indicators: ['debt_bondage'], formReference: 'ร.บ.1' } },
  {
    type: 'VictimIdentificationRecorded',
    data: { caseId, outcome: 'victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' },
  },
  { type: 'NrmStageAdvanced', data: { caseId, from: 'protection_assistance', to: 'return_reintegration' } },
  { type: 'CaseManagerAssigned', data: { caseId, caseManagerId: 'malee.s' } },
  { type: 'PersonalDataUpdated', data: { caseId, personalData: sealed } },
  { type: 'CaseClosed', data: { caseId, outcome: 'reintegrated', closedAt: '2019-06-01T00:00:00.000Z' } },
  { type: 'CaseReopened', data: { caseId, reason: 'ข้อมูลใหม่เกี่ยวกับ สมมติ' } },
  { type: 'ConsentRecorded', data: { caseId, givenOn: '2019-05-02', scope: 'share_with_agencies' } },
  { type: 'ConsentWithdrawn', data: { caseId, withdrawnOn: '2019-05-09' } },
  { type: 'LegalBasisRecorded', data: { caseId, basis: 'vital_interest', reference: 'PDPA s.26(1)' } },
  {
    type: 'ErasureRefused',
    data: { caseId, personId: 'p', requestedOn: '2019-06-01', legalGround: 'legal_claims', explanation: 'คดีของ สมมติ' },
  },
  {
    type: 'PersonalDataErased',
    data: {
      caseId,
      personId: 'p',
      requestedOn: '2019-06-01',
      erasedAt: '2019-06-02T00:00:00.000Z',
      reason: 'คำขอของ สมมติ',
    },
  },
];
const referralEvents: ReferralEvent[] = [
  {
    type: 'ReferralSent',
    data: {
      referralId,
      caseId,
      fromAgency: 'SHELTER-SK',
      toAgency: 'HEALTH-SK',
      service: 'medical',
      urgency: 'urgent',
      sentAt: '2019-05-02T03:00:00.000Z',
      dueAt: '2019-05-03T03:00:00.000Z',
      sharesPersonalData: true,
      basis: 'consent',
    },
  },
  {
    type: 'ReferralOverdue',
    data: { referralId, caseId, toAgency: 'HEALTH-SK', dueAt: '2019-05-03T03:00:00.000Z', urgency: 'urgent' },
  },
  {
    type: 'ReferralEscalated',
    data: { referralId, caseId, toRole: 'coordinator', reason: 'not_acknowledged_by_due_time' },
  },
  { type: 'ReferralAccepted', data: { referralId, acceptedAt: '2019-05-03T04:00:00.000Z' } },
  { type: 'ReferralServiceStarted', data: { referralId, startedAt: '2019-05-03T05:00:00.000Z' } },
  {
    type: 'ReferralCompleted',
    data: { referralId, outcome: 'service_provided', completedAt: '2019-05-04T05:00:00.000Z' },
  },
  { type: 'ReferralDeclined', data: { referralId, reason: 'สมมติ ไม่ประสงค์', declinedAt: '2019-05-03T04:00:00.000Z' } },
  { type: 'ReferralRevoked', data: { referralId, reason: 'สมมติ ย้าย', revokedAt: '2019-05-03T04:00:00.000Z' } },
];

describe('case and referral integration events', () => {
  it('publish case events on the cases topic as CloudEvents matching their schemas, except manager assignments and data updates', () => {
    const published = caseEvents.map((e, i) => caseIntegrationEvents(recorded(`case-${caseId}`, e, i)));
    expect(published.filter((m) => m === undefined)).toHaveLength(2);
    for (const message of published.filter((m) => m !== undefined)) {
      expect(message.topic).toBe(CASES_TOPIC);
      const validate = schemas.get(message.envelope.type)!;
      expect(validate(message.envelope) ? 'valid' : JSON.stringify(validate.errors)).toBe('valid');
    }
  });

  it('publish referral events on the referrals topic as CloudEvents matching their schemas', () => {
    for (const [i, e] of referralEvents.entries()) {
      const message = referralIntegrationEvents(recorded(`referral-${referralId}`, e, i))!;
      expect(message.topic).toBe(REFERRALS_TOPIC);
      expect(message.key).toBe(`referral-${referralId}`);
      const validate = schemas.get(message.envelope.type)!;
      expect(validate(message.envelope) ? 'valid' : JSON.stringify(validate.errors)).toBe('valid');
    }
  });

  it('never carry ciphertext, the person id, free-text reasons or the official who acted', () => {
    const all = [
      ...caseEvents.map((e, i) => caseIntegrationEvents(recorded(`case-${caseId}`, e, i))),
      ...referralEvents.map((e, i) => referralIntegrationEvents(recorded(`referral-${referralId}`, e, i))),
    ].filter((m) => m !== undefined);
    for (const m of all) {
      const text = JSON.stringify(m);
      expect(text).not.toContain('rj1.');
      expect(text).not.toContain('สมมติ');
      expect(text).not.toContain('malee.s');
      expect(text).not.toMatch(/"personId"|"personalData"|"reason"|"explanation"|"caseManagerId"/);
    }
  });

  it('leave access-log streams alone', () => {
    expect(caseIntegrationEvents(recorded(`case-access-${caseId}`, caseEvents[0], 0))).toBeUndefined();
  });
});
