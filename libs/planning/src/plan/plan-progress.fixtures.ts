import type { Actor } from '@ruamjai/kernel';
import { withData } from '@ruamjai/testing';
import * as fixtures from './plan.fixtures';
import type { PlanCommand, RecordKpiActual, ReportActivityProgress } from './plan.commands';
import type { PlanEvent, ProjectAdded } from './plan.events';

/**
 * An approved plan whose agencies report progress and KPI actuals: the specs of both reports share
 * it. Test data only: the specs import it.
 */

/** 10:00 on 1 May 2019 in Bangkok, in fiscal year 2562 (2018-10-01 to 2019-09-30). */
export const NOW = new Date('2019-05-01T03:00:00Z');
export const planId = '0d6f3f1e-0000-4000-8000-000000000001';
export const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
export const otherProjectId = '0d6f3f1e-0000-4000-8000-0000000000a2';
export const activityId = '0d6f3f1e-0000-4000-8000-0000000000b1';
export const kpiId = '0d6f3f1e-0000-4000-8000-0000000000c1';
export const lineId = '0d6f3f1e-0000-4000-8000-0000000000d1';

export const coordinator: Actor = { id: 'somchai', agency: 'PROV-SK', role: 'coordinator', province: 'TH-27' };
export const leadOfficer: Actor = { id: 'malee', agency: 'PSDHS-SK', role: 'agency_officer', province: 'TH-27' };
export const partnerOfficer: Actor = { id: 'somsak', agency: 'IMM-SK', role: 'agency_officer', province: 'TH-27' };
export const otherOfficer: Actor = { id: 'wichai', agency: 'POL-SK', role: 'agency_officer', province: 'TH-27' };

export interface Options {
  by?: Actor;
  at?: Date;
}
export const report = (
  data: Partial<ReportActivityProgress['data']> = {},
  { by = leadOfficer, at = NOW }: Options = {},
): PlanCommand => ({
  type: 'ReportActivityProgress',
  actor: by,
  at,
  data: {
    planId,
    activityId,
    reportedOn: '2019-04-30',
    participantsReached: { children: 35, women: 8 },
    spendSatang: 1_200_000,
    ...data,
  },
});
export const recordActual = (
  data: Partial<RecordKpiActual['data']> = {},
  { by = leadOfficer, at = NOW }: Options = {},
): PlanCommand => ({
  type: 'RecordKpiActual',
  actor: by,
  at,
  data: { planId, kpiId, actual: 43, measuredOn: '2019-04-30', ...data },
});

export const progress = (
  data: Partial<Extract<PlanEvent, { type: 'ActivityProgressReported' }>['data']> = {},
): PlanEvent => ({
  type: 'ActivityProgressReported',
  data: {
    planId,
    projectId,
    activityId,
    agencyCode: 'PSDHS-SK',
    reportedOn: '2019-04-30',
    participantsReached: { children: 35, women: 8 },
    spendSatang: 1_200_000,
    budgetLineId: projectId,
    note: null,
    completed: false,
    ...data,
  },
});
export const actualRecorded = (
  data: Partial<Extract<PlanEvent, { type: 'KpiActualRecorded' }>['data']> = {},
): PlanEvent => ({
  type: 'KpiActualRecorded',
  data: { planId, projectId, kpiId, actual: 43, previousActual: null, measuredOn: '2019-04-30', note: null, ...data },
});

// The structure specs' plan, as the progress rules need it: the project in two districts less, the activity in late April.
export const projectAdded = withData(fixtures.projectAdded, { districtCodes: ['2706'], objectives: [] });
export const otherProjectAdded: ProjectAdded = withData(projectAdded, {
  projectId: otherProjectId,
  leadAgencyCode: 'POL-SK',
  participatingAgencyCodes: [],
  requestedBudgetSatang: 2_000_000,
});
export const activityAdded = withData(fixtures.activityAdded, { startDate: '2019-04-29', endDate: '2019-04-30' });
export const { drafted, kpiAdded } = fixtures;
export const lineAdded = withData(fixtures.lineAdded, { descriptionTh: null });
export const submitted: PlanEvent = { type: 'PlanSubmitted', data: { planId } };
export const approved: PlanEvent = {
  type: 'PlanApproved',
  data: { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
};
export const amendedToEdition2: PlanEvent = { type: 'PlanAmended', data: { planId, edition: 2, reason: 'เพิ่มกิจกรรม' } };
export const closed: PlanEvent = { type: 'PlanClosed', data: { planId, resultsSummary: 'ครบ' } };

export const drafting: PlanEvent[] = [drafted, projectAdded, otherProjectAdded, activityAdded, kpiAdded, lineAdded];
export const inForce: PlanEvent[] = [...drafting, submitted, approved];
