import { deciderSpec } from '@ruamjai/testing';
import { DistrictNotInProvince, ProjectNotFound } from '../plan.errors';
import type { PlanEvent, ProjectAdded } from '../plan.events';
import { NothingChanged, TextRequired } from '../plan-structure.errors';
import {
  planId,
  projectId,
  otherProjectId,
  newProjectId,
  changeProject,
  drafted,
  projectWithdrawn,
  drafting,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a project in a drafting plan', () => {
  it('is changed, recording only the fields that differ, with their new values', () => {
    spec
      .given(drafting)
      .when(
        changeProject({
          titleTh: '  ประชารัฐร่วมใจ ป้องกันการค้ามนุษย์ ',
          strategy: 'prevention',
          districtCodes: ['2706', '2703'],
          objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'],
        }),
      )
      .then([
        {
          type: 'ProjectChanged',
          data: {
            planId,
            projectId,
            changes: { titleTh: 'ประชารัฐร่วมใจ ป้องกันการค้ามนุษย์', objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'] },
          },
        },
      ]);
  });

  it('changes its strategy, districts and target groups, each recorded once', () => {
    spec
      .given(drafting)
      .when(
        changeProject({
          strategy: 'partnership',
          districtCodes: ['2701', '2701', '2709'],
          targetGroups: ['families', 'families'],
        }),
      )
      .then([
        {
          type: 'ProjectChanged',
          data: {
            planId,
            projectId,
            changes: { strategy: 'partnership', districtCodes: ['2701', '2709'], targetGroups: ['families'] },
          },
        },
      ]);
  });

  it('gains an English title, and loses it to a blank one', () => {
    const named: PlanEvent = {
      type: 'ProjectChanged',
      data: { planId, projectId, changes: { titleEn: 'Border communities' } },
    };
    spec
      .given(drafting)
      .when(changeProject({ titleEn: ' Border communities ' }))
      .then([named]);
    spec
      .given([...drafting, named])
      .when(changeProject({ titleEn: '  ' }))
      .then([{ type: 'ProjectChanged', data: { planId, projectId, changes: { titleEn: null } } }]);
  });

  it('keeps its English title when a change leaves it out', () => {
    const named: PlanEvent = {
      type: 'ProjectChanged',
      data: { planId, projectId, changes: { titleEn: 'Border communities' } },
    };
    spec
      .given([...drafting, named])
      .when(changeProject({ strategy: 'protection' }))
      .then([{ type: 'ProjectChanged', data: { planId, projectId, changes: { strategy: 'protection' } } }]);
  });

  it('changes its objectives, each trimmed, leaving out blank ones', () => {
    spec
      .given(drafting)
      .when(changeProject({ objectives: ['  ตั้งศูนย์เฝ้าระวัง ', '   ', 'ให้ความรู้แก่ชุมชนชายแดน'] }))
      .then([
        {
          type: 'ProjectChanged',
          data: { planId, projectId, changes: { objectives: ['ตั้งศูนย์เฝ้าระวัง', 'ให้ความรู้แก่ชุมชนชายแดน'] } },
        },
      ]);
  });

  it("takes its objectives in a new order as a change: their order is the plan's", () => {
    const set: PlanEvent = {
      type: 'ProjectChanged',
      data: { planId, projectId, changes: { objectives: ['ตั้งศูนย์เฝ้าระวัง', 'ให้ความรู้แก่ชุมชนชายแดน'] } },
    };
    spec
      .given([...drafting, set])
      .when(changeProject({ objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'] }))
      .then([
        {
          type: 'ProjectChanged',
          data: { planId, projectId, changes: { objectives: ['ให้ความรู้แก่ชุมชนชายแดน', 'ตั้งศูนย์เฝ้าระวัง'] } },
        },
      ]);
  });

  it('refuses a blank Thai title', () => {
    spec
      .given(drafting)
      .when(changeProject({ titleTh: ' ' }))
      .thenRefuses(TextRequired, 'PLAN.TEXT_REQUIRED');
  });

  it('refuses a district of another province', () => {
    spec
      .given(drafting)
      .when(changeProject({ districtCodes: ['2706', '1001'] }))
      .thenRefuses(DistrictNotInProvince, 'PLAN.DISTRICT_NOT_IN_PROVINCE');
  });

  it('refuses a change that changes nothing', () => {
    spec
      .given(drafting)
      .when(
        changeProject({
          titleTh: ' ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ ',
          strategy: 'prevention',
          targetGroups: ['children', 'women'],
        }),
      )
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change that names no field at all', () => {
    spec.given(drafting).when(changeProject({})).thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses a change to a project it does not have', () => {
    spec
      .given(drafting)
      .when(changeProject({ projectId: newProjectId, titleTh: 'x' }))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('classifies a project recorded before strategies were kept', () => {
    // The first ProjectAdded events had no strategy, participants, target groups or objectives.
    const legacy = {
      type: 'ProjectAdded',
      data: {
        planId,
        projectId: newProjectId,
        titleTh: 'โครงการเดิม',
        titleEn: null,
        leadAgencyCode: 'PSDHS-SK',
        districtCodes: ['2706'],
        requestedBudgetSatang: 100,
        fundingSource: 'provincial_budget',
      },
    } as unknown as ProjectAdded;
    spec
      .given([drafted, legacy])
      .when(changeProject({ projectId: newProjectId, strategy: 'protection' }))
      .then([
        { type: 'ProjectChanged', data: { planId, projectId: newProjectId, changes: { strategy: 'protection' } } },
      ]);
    spec
      .given([drafted, legacy])
      .when(changeProject({ projectId: newProjectId, targetGroups: [], objectives: [] }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });
});

describe('a withdrawn project', () => {
  const given = [...drafting, projectWithdrawn];
  it('leaves the other projects of the plan open to change', () => {
    spec
      .given(given)
      .when(changeProject({ projectId: otherProjectId, titleTh: 'ปราบปราม' }))
      .then([
        { type: 'ProjectChanged', data: { planId, projectId: otherProjectId, changes: { titleTh: 'ปราบปราม' } } },
      ]);
  });
});
