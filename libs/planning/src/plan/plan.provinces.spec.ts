import type { PlanCommand } from './plan.commands';
import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from './plan.decider';
import { PlanNotFound, PlanOutsideProvince } from './plan.errors';
import { provinceInReach, ProvinceOutOfReach } from './plan.policy';
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

describe("a province's lists and sums", () => {
  const coordinator = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' } as const;
  const secretariat = { id: 'sec', agency: 'OPS', role: 'secretariat', province: 'TH-10' } as const;
  it("cover the reader's own province when none is asked for, or when it is asked for by name", () => {
    expect(provinceInReach(coordinator, undefined)).toBe('TH-27');
    expect(provinceInReach(coordinator, 'TH-27')).toBe('TH-27');
  });
  it("are refused to a province's people asking for another province, naming both", () => {
    let refused: unknown;
    try {
      provinceInReach(coordinator, 'TH-20');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProvinceOutOfReach);
    expect(refused).toMatchObject({
      code: 'PROVINCE.OUT_OF_REACH',
      kind: 'forbidden',
      details: { province: 'TH-27', asked: 'TH-20' },
    });
  });
  it('cover any one province a national role asks for, or every province when it asks for none', () => {
    expect(provinceInReach(secretariat, 'TH-20')).toBe('TH-20');
    expect(provinceInReach(secretariat, undefined)).toBeUndefined();
  });
});
