import { withData } from '@ruamjai/testing';
import type { Actor } from '@ruamjai/kernel';
import type { PlanCommand } from './plan.commands';
import type { PlanEvent } from './plan.events';
import * as fixtures from './plan.fixtures';

/**
 * A plan through its lifecycle (drafted, submitted, approved, amended, closed): the specs of each
 * step share it. Test data only: the specs import it.
 */

export const chair: Actor = { id: 'governor', agency: 'PROV-SK', role: 'chair', province: 'TH-27' };
export const at = new Date('2019-03-15T03:00:00Z');
export const planId = '0d6f3f1e-0000-4000-8000-000000000001';
export const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
export const cmd = <T extends PlanCommand['type']>(type: T, data: object, when = at) =>
  ({ type, data: { planId, ...data }, actor: chair, at: when }) as unknown as PlanCommand;

export const drafted: PlanEvent = withData(fixtures.drafted, { titleTh: 'แผน' });
export const added: PlanEvent = fixtures.loneProjectAdded(100, 'provincial_budget');
export const submitted: PlanEvent = { type: 'PlanSubmitted', data: { planId } };
export const approved: PlanEvent = {
  type: 'PlanApproved',
  data: { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
};
export const amended: PlanEvent = { type: 'PlanAmended', data: { planId, edition: 2, reason: 'เพิ่มงบ' } };
export const closed: PlanEvent = { type: 'PlanClosed', data: { planId, resultsSummary: 'ครบ' } };
export const revise = (amount: number, reason?: string) =>
  cmd('ReviseProjectBudget', { projectId, requestedBudgetSatang: amount, reason });
export const approve = (meetingReference = 'ครั้งที่ 1/2562') =>
  cmd('ApprovePlan', { meetingReference, meetingDate: '2019-03-15' });
