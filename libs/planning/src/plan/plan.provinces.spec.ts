import type { PlanCommand } from './plan.commands';
import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from './plan.decider';
import { PlanNotFound, PlanOutsideProvince } from './plan.errors';
import { actor, draft, drafted } from './plan-drafting.fixtures';
import { added, approved, chair, cmd, submitted } from './plan-lifecycle.fixtures';

const spec = deciderSpec(planDecider);
const inTrat = <C extends PlanCommand>(command: C): C => ({
  ...command,
  actor: { ...command.actor, province: 'TH-23' },
});

describe('a plan not yet drafted', () => {
  it("is drafted only for the coordinator's own province", () => {
    spec.given([]).when(draft()).then([drafted]);
    spec
      .given([])
      .when(draft({ provinceCode: 'TH-23' }))
      .thenRefuses(PlanOutsideProvince, 'PLAN.OUTSIDE_PROVINCE');
    spec
      .given([])
      .when(inTrat(draft({ provinceCode: 'TH-23' })))
      .then([{ ...drafted, data: { ...drafted.data, provinceCode: 'TH-23' } }]);
  });
});

describe("another province's plan", () => {
  it('is unknown to the chair of another province, as if it did not exist', () => {
    spec.given([drafted, added]).when(cmd('SubmitPlan', {})).then([submitted]);
    spec
      .given([drafted, added, submitted])
      .when(inTrat(cmd('ApprovePlan', { meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' })))
      .thenRefuses(PlanNotFound, 'PLAN.NOT_FOUND');
  });

  it('is unknown to the coordinator of another province', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(inTrat({ ...cmd('ClosePlan', { resultsSummary: 'ครบ' }), actor: { ...actor } }))
      .thenRefuses(PlanNotFound, 'PLAN.NOT_FOUND');
  });

  it('is reached by a national role (whose role then decides what it may do)', () => {
    spec
      .given([drafted, added, submitted])
      .when({
        ...cmd('ApprovePlan', { meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }),
        actor: { ...chair, role: 'secretariat', province: 'TH-10' },
      })
      .then([approved]);
  });
});
