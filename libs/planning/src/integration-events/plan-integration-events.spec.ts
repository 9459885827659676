import type { RecordedEvent } from '@ruamjai/event-store';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planIntegrationEvents, PLANS_TOPIC } from './plan-integration-events';

const schemaDir = join(__dirname, '../../../../docs/integration-events');
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const schemas = new Map(
  readdirSync(schemaDir).map((file) => {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
    return [schema.title as string, ajv.compile(schema)];
  }),
);

const planId = '0d6f3f1e-0000-4000-8000-000000000001';
const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
let position = 0n;
const recorded = (type: string, data: object, revision: number): RecordedEvent => ({
  streamId: `plan-${planId}`,
  id: `0d6f3f1e-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  revision: BigInt(revision),
  type,
  data,
  metadata: { actorId: 'somchai.k', agency: 'PSDHS-SK', role: 'coordinator', reason: 'ลดงบ', correlationId: 'c', causationId: 'c', commandType: 'X', schemaVersion: 1, occurredAt: '2019-02-14T03:00:00.000Z' },
  created: new Date('2019-02-14T03:00:01Z'),
  position: ++position,
});

const history: RecordedEvent[] = [
  recorded('PlanDrafted', { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนปฏิบัติการ', titleEn: null }, 0),
  recorded('ProjectAdded', { planId, projectId, titleTh: 'โครงการ', titleEn: 'Project', leadAgencyCode: 'PSDHS-SK', districtCodes: ['2706'], requestedBudgetSatang: 15_000_000, fundingSource: 'anti_trafficking_fund' }, 1),
  recorded('ProjectBudgetRevised', { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 12_000_000, reason: 'ลดงบ' }, 2),
  recorded('PlanSubmitted', { planId }, 3),
  recorded('PlanReturned', { planId, reason: 'เพิ่มโครงการ' }, 4),
  recorded('PlanSubmitted', { planId }, 5),
  recorded('PlanApproved', { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }, 6),
  recorded('PlanAmended', { planId, edition: 2, reason: 'เพิ่มงบ' }, 7),
  recorded('PlanClosed', { planId, resultsSummary: 'ครบ' }, 8),
  recorded('FundRequestSubmitted', { planId, projectId, requestId: projectId, amountSatang: 100, justification: 'j', category: 'victim_assistance' }, 9),
  recorded('FundRequestReturned', { planId, projectId, requestId: projectId, reason: 'r' }, 10),
  recorded('FundRequestRevised', { planId, projectId, requestId: projectId, amountSatang: 90, justification: 'j2' }, 11),
  recorded('FundRequestApproved', { planId, projectId, requestId: projectId, requestedSatang: 90, approvedSatang: 80 }, 12),
  recorded('FundRequestRejected', { planId, projectId, requestId: projectId, reason: 'r' }, 13),
  recorded('FundDisbursed', { planId, projectId, requestId: projectId, amountSatang: 40, disbursedSatang: 40 }, 14),
];

describe('plan integration events', () => {
  it('publish every plan event on the plans topic, keyed by stream, as CloudEvents matching the documented schema', () => {
    for (const event of history) {
      const message = planIntegrationEvents(event)!;
      expect(message.topic).toBe(PLANS_TOPIC);
      expect(message.key).toBe(event.streamId);
      const validate = schemas.get(message.envelope.type);
      expect(validate).toBeDefined();
      expect(validate!(message.envelope)).toBe(true);
      expect(validate!.errors ?? null).toBeNull();
    }
  });

  it('name the acting official by agency only: no person\'s id or name leaves the system', () => {
    const text = JSON.stringify(history.map((e) => planIntegrationEvents(e)));
    expect(text).not.toContain('somchai');
    expect(text).not.toMatch(/"actorId"|"actor"/);
  });

  it('ignore events of other streams', () => {
    expect(planIntegrationEvents({ ...history[0], streamId: 'case-1', type: 'CaseOpened' })).toBeUndefined();
  });

  it('reject a field the schema does not list', () => {
    const message = planIntegrationEvents(history[1])!;
    const tampered = { ...message.envelope, data: { ...(message.envelope.data as object), victimName: 'x' } };
    expect(schemas.get(message.envelope.type)!(tampered)).toBe(false);
  });
});
