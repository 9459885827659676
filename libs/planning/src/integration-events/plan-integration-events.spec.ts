import type { RecordedEvent } from '@ruamjai/event-store';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_EVENT_TYPES } from '../plan/plan.events';
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
const activityId = '0d6f3f1e-0000-4000-8000-0000000000b1';
const kpiId = '0d6f3f1e-0000-4000-8000-0000000000c1';
const lineId = '0d6f3f1e-0000-4000-8000-0000000000d1';
/** What an officer might write in a free-text note: it must never leave the system. */
const personalNote = 'น้องมะลิ อายุ 14 ปี บ้านเลขที่ 12 หมู่ 3 ยังไม่กลับบ้าน';
let position = 0n;
const recorded = (type: string, data: object, revision: number): RecordedEvent => ({
  streamId: `plan-${planId}`,
  id: `0d6f3f1e-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  revision: BigInt(revision),
  type,
  data,
  metadata: {
    actorId: 'somchai.k',
    agency: 'PSDHS-SK',
    role: 'coordinator',
    reason: 'ลดงบ',
    correlationId: 'c',
    causationId: 'c',
    commandType: 'X',
    schemaVersion: 1,
    occurredAt: '2019-02-14T03:00:00.000Z',
  },
  created: new Date('2019-02-14T03:00:01Z'),
  position: ++position,
});

const history: RecordedEvent[] = [
  recorded('PlanDrafted', { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนปฏิบัติการ', titleEn: null }, 0),
  recorded(
    'ProjectAdded',
    {
      planId,
      projectId,
      titleTh: 'โครงการ',
      titleEn: 'Project',
      strategy: 'prevention',
      participatingAgencyCodes: [],
      targetGroups: [],
      objectives: [],
      leadAgencyCode: 'PSDHS-SK',
      districtCodes: ['2706'],
      requestedBudgetSatang: 15_000_000,
      fundingSource: 'anti_trafficking_fund',
    },
    1,
  ),
  recorded(
    'ProjectBudgetRevised',
    { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 12_000_000, reason: 'ลดงบ' },
    2,
  ),
  recorded('PlanSubmitted', { planId }, 3),
  recorded('PlanReturned', { planId, reason: 'เพิ่มโครงการ' }, 4),
  recorded('PlanSubmitted', { planId }, 5),
  recorded('PlanApproved', { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }, 6),
  recorded('PlanAmended', { planId, edition: 2, reason: 'เพิ่มงบ' }, 7),
  recorded('PlanClosed', { planId, resultsSummary: 'ครบ' }, 8),
  recorded(
    'FundRequestSubmitted',
    { planId, projectId, requestId: projectId, amountSatang: 100, justification: 'j', category: 'victim_assistance' },
    9,
  ),
  recorded('FundRequestReturned', { planId, projectId, requestId: projectId, reason: 'r' }, 10),
  recorded(
    'FundRequestRevised',
    { planId, projectId, requestId: projectId, amountSatang: 90, justification: 'j2' },
    11,
  ),
  recorded(
    'FundRequestApproved',
    { planId, projectId, requestId: projectId, requestedSatang: 90, approvedSatang: 80 },
    12,
  ),
  recorded('FundRequestRejected', { planId, projectId, requestId: projectId, reason: 'r' }, 13),
  recorded('FundDisbursed', { planId, projectId, requestId: projectId, amountSatang: 40, disbursedSatang: 40 }, 14),
  recorded(
    'ProjectChanged',
    {
      planId,
      projectId,
      changes: {
        titleEn: null,
        strategy: 'protection',
        targetGroups: ['children', 'migrant_workers'],
        objectives: ['ลดการค้ามนุษย์'],
      },
    },
    15,
  ),
  recorded(
    'ProjectReassigned',
    {
      planId,
      projectId,
      leadAgencyCode: 'PPO-SK',
      participatingAgencyCodes: ['PSDHS-SK'],
      previousLeadAgencyCode: 'PSDHS-SK',
      previousParticipatingAgencyCodes: [],
    },
    16,
  ),
  recorded(
    'ActivityAdded',
    {
      planId,
      projectId,
      activityId,
      titleTh: 'อบรม',
      titleEn: null,
      districtCode: '2706',
      startDate: '2019-04-01',
      endDate: '2019-04-30',
      targets: { children: 40, women: 10 },
      responsibleAgencyCode: 'PSDHS-SK',
    },
    17,
  ),
  recorded(
    'ActivityChanged',
    { planId, projectId, activityId, changes: { endDate: '2019-05-15', targets: { children: 60 } } },
    18,
  ),
  recorded(
    'ActivityReassigned',
    { planId, projectId, activityId, responsibleAgencyCode: 'PPO-SK', previousAgencyCode: 'PSDHS-SK' },
    19,
  ),
  recorded(
    'KpiAdded',
    { planId, projectId, kpiId, descriptionTh: 'ผู้เข้าอบรม', descriptionEn: null, unit: 'คน', target: 100 },
    20,
  ),
  recorded('KpiChanged', { planId, projectId, kpiId, changes: { target: 120.5 } }, 21),
  recorded(
    'BudgetLineAdded',
    { planId, projectId, lineId, fundingSource: 'provincial_budget', amountSatang: 500_000, descriptionTh: 'ค่าอาหาร' },
    22,
  ),
  recorded(
    'BudgetLineRevised',
    { planId, projectId, lineId, previousSatang: 500_000, amountSatang: 400_000, reason: 'ลดงบ' },
    23,
  ),
  recorded(
    'BudgetLineReassigned',
    { planId, projectId, lineId, fundingSource: 'agency_own', previousFundingSource: 'provincial_budget' },
    24,
  ),
  recorded(
    'ActivityProgressReported',
    {
      planId,
      projectId,
      activityId,
      agencyCode: 'PPO-SK',
      reportedOn: '2019-04-20',
      participantsReached: { children: 35 },
      spendSatang: 120_000,
      budgetLineId: lineId,
      note: personalNote,
      completed: false,
    },
    25,
  ),
  recorded(
    'KpiActualRecorded',
    { planId, projectId, kpiId, actual: 35, previousActual: null, measuredOn: '2019-04-20', note: personalNote },
    26,
  ),
  recorded('BudgetLineWithdrawn', { planId, projectId, lineId, reason: 'ไม่ใช้' }, 27),
  recorded('KpiWithdrawn', { planId, projectId, kpiId, reason: 'ซ้ำ' }, 28),
  recorded('ActivityWithdrawn', { planId, projectId, activityId, reason: 'ยกเลิก' }, 29),
  recorded('ProjectWithdrawn', { planId, projectId, reason: 'ยุบรวม' }, 30),
];

describe('plan integration events', () => {
  it('publish every plan event on the plans topic, keyed by stream, as CloudEvents matching the documented schema', () => {
    expect(new Set(history.map((e) => e.type))).toEqual(PLAN_EVENT_TYPES);
    for (const event of history) {
      const message = planIntegrationEvents(event)!;
      expect(message.topic).toBe(PLANS_TOPIC);
      expect(message.key).toBe(event.streamId);
      const validate = schemas.get(message.envelope.type);
      // The event type is in each expectation so a failure names the event.
      expect({ type: event.type, schema: validate ? 'documented' : 'missing' }).toEqual({
        type: event.type,
        schema: 'documented',
      });
      expect({ type: event.type, valid: validate!(message.envelope), errors: validate!.errors ?? null }).toEqual({
        type: event.type,
        valid: true,
        errors: null,
      });
    }
  });

  it('publish a project as added in v2, with its strategy, participants, target groups and objectives', () => {
    const message = planIntegrationEvents(history[1])!;
    expect(message.envelope.type).toBe('th.ruamjai.plans.project-added.v2');
    expect(message.envelope.data).toMatchObject({
      strategy: 'prevention',
      participatingAgencyCodes: [],
      targetGroups: [],
      objectives: [],
    });
  });

  it('publish a project recorded before projects had a strategy in its original v1 contract, never as an invalid v2', () => {
    const legacy = recorded(
      'ProjectAdded',
      {
        planId,
        projectId,
        titleTh: 'โครงการ',
        titleEn: null,
        leadAgencyCode: 'PSDHS-SK',
        districtCodes: ['2706'],
        requestedBudgetSatang: 100,
        fundingSource: 'provincial_budget',
      },
      1,
    );
    const message = planIntegrationEvents(legacy)!;
    expect(message.envelope.type).toBe('th.ruamjai.plans.project-added.v1');
    expect(schemas.get('th.ruamjai.plans.project-added.v1')!(message.envelope)).toBe(true);
  });

  it('publish only the fields a change changed', () => {
    const changed = history.find((e) => e.type === 'ActivityChanged')!;
    expect((planIntegrationEvents(changed)!.envelope.data as { changes: object }).changes).toEqual({
      endDate: '2019-05-15',
      targets: { children: 60 },
    });
  });

  it.each(['ActivityProgressReported', 'KpiActualRecorded'])(
    'never publish the free-text note of %s: officers may write about people there',
    (type) => {
      const event = history.find((e) => e.type === type)!;
      expect((event.data as { note: string }).note).toBe(personalNote);
      const message = planIntegrationEvents(event)!;
      expect(message.envelope.data).not.toHaveProperty('note');
      expect(JSON.stringify(message)).not.toContain(personalNote);
      expect(JSON.stringify(message)).not.toContain('มะลิ');
    },
  );

  it("name the acting official by agency only: no person's id or name leaves the system", () => {
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
