import { deciderSpec } from '@ruamjai/testing';
import type { PlanEvent } from './plan.events';
import { AmendmentBySecretariat, NotOwnAgencyProject } from './plan-structure.errors';
import {
  planId,
  projectId,
  leadOfficer,
  partnerOfficer,
  otherOfficer,
  addProject,
  changeProject,
  reassignProject,
  changeKpi,
  drafting,
  inForce,
  amended,
  changesToTheProject,
} from './plan.fixtures';
import { planDecider } from './plan.decider';

/*
 * The structure of a provincial plan: projects, their activities, KPIs and budget lines, each added,
 * changed, reassigned and withdrawn by command. While the plan is drafted changes are just made; a
 * submitted or closed plan takes none; an approved plan takes each as an amendment with a reason.
 */

const spec = deciderSpec(planDecider);

/* ===== agency officers ===== */

describe('an agency officer, while the plan is drafted', () => {
  it.each(changesToTheProject(leadOfficer))('may %s of a project their agency leads', (_, cmd) => {
    spec
      .given(drafting)
      .when(cmd)
      .then([expect.objectContaining({ data: expect.objectContaining({ projectId }) })] as PlanEvent[]);
  });

  it.each(changesToTheProject(partnerOfficer))('may not %s of a project their agency only takes part in', (_, cmd) => {
    spec.given(drafting).when(cmd).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });

  it('is told that only the lead agency changes a project, not that it takes no part in it', () => {
    const [, cmd] = changesToTheProject(partnerOfficer)[0];
    let thrown: unknown;
    try {
      planDecider.decide(cmd, drafting.reduce(planDecider.evolve, planDecider.initialState));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotOwnAgencyProject);
    expect((thrown as NotOwnAgencyProject).text.en).toMatch(/^Only the lead agency of project .+ may change it/);
    expect((thrown as NotOwnAgencyProject).text.th).toMatch(/^เฉพาะหน่วยงานรับผิดชอบหลัก/);
  });

  it.each(changesToTheProject(otherOfficer))("may not %s of another agency's project", (_, cmd) => {
    spec.given(drafting).when(cmd).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });

  it('may hand their own project to another agency, and then no longer change it', () => {
    const handed: PlanEvent = {
      type: 'ProjectReassigned',
      data: {
        planId,
        projectId,
        leadAgencyCode: 'LAB-SK',
        participatingAgencyCodes: ['IMM-SK', 'PSDHS-SK'],
        previousLeadAgencyCode: 'PSDHS-SK',
        previousParticipatingAgencyCodes: ['IMM-SK'],
      },
    };
    spec
      .given(drafting)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK' }, { by: leadOfficer }))
      .then([handed]);
    spec
      .given([...drafting, handed])
      .when(changeProject({ titleTh: 'ใหม่' }, { by: leadOfficer }))
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
    spec
      .given([...drafting, handed])
      .when(changeProject({ titleTh: 'ใหม่' }, { by: { ...leadOfficer, agency: 'LAB-SK' } }))
      .then([{ type: 'ProjectChanged', data: { planId, projectId, changes: { titleTh: 'ใหม่' } } }]);
  });
});

describe('an agency officer, once the plan is approved', () => {
  it.each(changesToTheProject(leadOfficer))(
    'may not %s even of a project their agency leads: the secretariat amends',
    (_, cmd) => {
      spec.given(inForce).when(cmd).thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
    },
  );

  it.each(changesToTheProject(otherOfficer))(
    "is told first that they may not %s of another agency's project",
    (_, cmd) => {
      spec.given(inForce).when(cmd).thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
    },
  );

  it('may not add a project for their own agency', () => {
    spec
      .given(inForce)
      .when(addProject({ reason: 'r' }, { by: leadOfficer }))
      .thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
  });

  it("hears that amendments are the secretariat's, not that a reason is missing", () => {
    spec
      .given(inForce)
      .when(changeProject({ titleTh: 'ใหม่' }, { by: leadOfficer }))
      .thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
  });

  it('is refused on an amended plan too', () => {
    spec
      .given(amended)
      .when(changeKpi({ target: 99, reason: 'r' }, { by: leadOfficer }))
      .thenRefuses(AmendmentBySecretariat, 'AUTH.AMENDMENT_BY_SECRETARIAT');
  });
});
