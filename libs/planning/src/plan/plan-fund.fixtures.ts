import { withData } from '@ruamjai/testing';
import type { Actor } from '@ruamjai/kernel';
import type { PlanCommand } from './plan.commands';
import type { PlanEvent } from './plan.events';
import * as fixtures from './plan.fixtures';

/**
 * A project's requests to the Anti-Trafficking Fund: the specs of each Fund command share them.
 * Test data only: the specs import it.
 */

export const actor: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
export const planId = '0d6f3f1e-0000-4000-8000-000000000001';
export const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
export const requestId = '0d6f3f1e-0000-4000-8000-0000000000f1';
export const cmd = (type: PlanCommand['type'], data: object, by: Actor = actor) =>
  ({
    type,
    data: { planId, requestId, ...data },
    actor: by,
    at: new Date('2019-04-01T03:00:00Z'),
  }) as unknown as PlanCommand;

export const drafted: PlanEvent = withData(fixtures.drafted, { titleTh: 'แผน' });
export const added: PlanEvent = fixtures.loneProjectAdded(15_000_000, 'anti_trafficking_fund');
export const submitted: PlanEvent = {
  type: 'FundRequestSubmitted',
  data: {
    planId,
    projectId,
    requestId,
    amountSatang: 15_000_000,
    justification: 'ช่วยเหลือผู้เสียหาย 40 คน',
    category: 'victim_assistance',
  },
};
export const approved: PlanEvent = {
  type: 'FundRequestApproved',
  data: { planId, projectId, requestId, requestedSatang: 15_000_000, approvedSatang: 12_000_000 },
};
export const returned: PlanEvent = {
  type: 'FundRequestReturned',
  data: { planId, projectId, requestId, reason: 'แนบรายละเอียด' },
};
export const submit = (amountSatang = 15_000_000, data: object = {}, by: Actor = actor) =>
  cmd(
    'SubmitFundRequest',
    {
      projectId,
      amountSatang,
      justification: 'ช่วยเหลือผู้เสียหาย 40 คน',
      category: 'victim_assistance',
      ...data,
    },
    by,
  );
