import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FiscalYearOutOfRange, PlanAlreadyExists, UnknownProvince } from '../plan.errors';
import { draft, drafted } from '../plan-drafting.fixtures';

const spec = deciderSpec(planDecider);

describe('a plan not yet drafted', () => {
  it('is drafted for a known province and fiscal year', () => {
    spec.given([]).when(draft()).then([drafted]);
  });

  it('keeps an English title beside the Thai one', () => {
    spec
      .given([])
      .when(draft({ titleEn: 'Sa Kaeo action plan' }))
      .then([{ ...drafted, data: { ...drafted.data, titleEn: 'Sa Kaeo action plan' } }]);
  });

  it('refuses an unknown province', () => {
    spec
      .given([])
      .when(draft({ provinceCode: 'TH-99' }))
      .thenRefuses(UnknownProvince, 'PLAN.UNKNOWN_PROVINCE');
  });

  it('refuses a fiscal year before the Act of B.E. 2551', () => {
    spec
      .given([])
      .when(draft({ fiscalYear: 2550 }))
      .thenRefuses(FiscalYearOutOfRange);
  });

  it('refuses a fiscal year given in C.E. instead of B.E.', () => {
    spec
      .given([])
      .when(draft({ fiscalYear: 2019 }))
      .thenRefuses(FiscalYearOutOfRange);
  });

  it('accepts next fiscal year but not the one after', () => {
    // 14 Feb 2019 is in FY2562; FY2563 may be planned, FY2564 not yet.
    spec
      .given([])
      .when(draft({ fiscalYear: 2563 }))
      .then([{ ...drafted, data: { ...drafted.data, fiscalYear: 2563 } }]);
    spec
      .given([])
      .when(draft({ fiscalYear: 2564 }))
      .thenRefuses(FiscalYearOutOfRange, 'PLAN.FISCAL_YEAR_OUT_OF_RANGE');
  });
});

describe('a drafting plan', () => {
  it('cannot be drafted twice', () => {
    spec.given([drafted]).when(draft()).thenRefuses(PlanAlreadyExists, 'PLAN.ALREADY_EXISTS');
  });
});
