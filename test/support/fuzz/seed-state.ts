import { samplePlan, sampleProject, type ApiHarness } from '../api-harness';
import type { PlanIds, ProjectIds, RealIds } from './inputs';

/** The agencies the seeded case work names, besides the harness's two. */
const AGENCIES = [
  { code: 'SHELTER-SK', nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว', agencyType: 'shelter', districtCode: '2701' },
  { code: 'HEALTH-SK', nameTh: 'สำนักงานสาธารณสุขจังหวัดสระแก้ว', agencyType: 'health', districtCode: '2701' },
  // The chair's and the auditor's offices (PROV-SK, OAG) are registered by the harness.
  // The fuzzer's own agencies: the ones its agency routes may rename or deactivate.
  { code: 'FUZZ-SK', nameTh: 'หน่วยงานทดสอบการฟัซ', agencyType: 'police', districtCode: '2706' },
  { code: 'FUZZ-SPARE', nameTh: 'หน่วยงานทดสอบการฟัซสำรอง', agencyType: 'police', districtCode: '2706' },
];

export interface SeededState {
  readonly ids: RealIds;
  /** The latest ETag of each seeded stream, keyed by its id. */
  readonly etags: Map<string, string>;
}

type Auth = Record<string, string>;

/**
 * Real resources for the fuzzer to aim at: a drafted and an approved plan, each with a project, an
 * activity, a KPI, a budget line and a Fund request; a case with consent, a referral and a pledge;
 * and a spare of each for the routes that end things (withdrawal, erasure, closure, decline…).
 */
export async function seedState(
  api: ApiHarness,
  auth: { coordinator: Auth; chair: Auth; shelter: Auth; health: Auth },
): Promise<SeededState> {
  const etags = new Map<string, string>();
  const call = async (method: 'post' | 'get', path: string, who: Auth, body: object | undefined, ifMatch?: string) => {
    let req = api.http[method](path).set(who);
    if (ifMatch) req = req.set('If-Match', ifMatch);
    const res = await (body ? req.send(body) : req);
    if (res.status >= 300)
      throw new Error(`seeding ${method.toUpperCase()} ${path} answered ${res.status}: ${res.text}`);
    return res;
  };
  for (const agency of AGENCIES) await call('post', '/api/v1/agencies', auth.coordinator, agency);
  etags.set('FUZZ-SK', '"0"');
  etags.set('FUZZ-SPARE', '"0"');

  /** A plan with one of everything; approved when the chair is given. */
  const planWith = async (
    fiscalYear: number,
    activityDates: readonly [string, string],
    approveOn?: string,
  ): Promise<PlanIds> => {
    const plan = await call('post', '/api/v1/plans', auth.coordinator, {
      ...samplePlan,
      fiscalYear,
      titleTh: `แผนปฏิบัติการ ประจำปี ${fiscalYear}`,
    });
    const planId: string = plan.body.planId;
    let etag: string = plan.headers.etag;
    const onPlan = async (path: string, body: object, who = auth.coordinator) => {
      const res = await call('post', `/api/v1/plans/${planId}${path}`, who, body, etag);
      etag = res.headers.etag;
      return res.body;
    };
    const project = async (): Promise<ProjectIds> => {
      const { projectId } = await onPlan('/projects', {
        ...sampleProject,
        participatingAgencyCodes: ['IMM-SK'],
        targetGroups: ['children', 'women'],
      });
      const { activityId } = await onPlan(`/projects/${projectId}/activities`, {
        titleTh: 'อบรมแกนนำชุมชน',
        districtCode: '2706',
        startDate: activityDates[0],
        endDate: activityDates[1],
        targets: { women: 20 },
      });
      const { kpiId } = await onPlan(`/projects/${projectId}/kpis`, {
        descriptionTh: 'จำนวนแกนนำที่ผ่านการอบรม',
        unit: 'คน',
        target: 50,
      });
      await onPlan(`/projects/${projectId}/budget-lines`, {
        fundingSource: 'local_administration',
        amountSatang: 2_000_000,
        descriptionTh: 'สมทบโดย อปท.',
      });
      const { requestId } = await onPlan(`/projects/${projectId}/fund-requests`, {
        amountSatang: 1_000_000,
        justification: 'ช่วยเหลือผู้เสียหาย',
        category: 'victim_assistance',
      });
      return { projectId, activityId, kpiId, lineId: projectId, requestId };
    };
    const main = await project();
    // What the withdrawal and rejection routes aim at, so that the main project stays alive.
    const spare = await project();
    if (approveOn) {
      await onPlan('/submission', {});
      await onPlan('/approval', { meetingReference: `ครั้งที่ 1/${fiscalYear}`, meetingDate: approveOn }, auth.chair);
    }
    etags.set(planId, etag);
    return { planId, ...main, spare };
  };
  // Approved, so that progress reports and amendments reach their handlers; the other still drafted.
  const approved = await planWith(2562, ['2019-07-01', '2019-07-02'], '2019-07-10');
  const drafted = await planWith(2563, ['2019-11-01', '2019-11-02']);

  const person = {
    givenName: 'Fuzz (fictional)',
    familyName: 'Testperson',
    dateOfBirth: '2006-02-01',
    nationality: 'KHM',
  };
  const caseWork = async () => {
    const opened = await call('post', '/api/v1/cases', auth.shelter, {
      source: 'border_screening',
      districtCode: '2706',
      foundOn: '2019-07-01',
      ageGroup: 'child',
      person,
    });
    const caseId: string = opened.body.caseId;
    const consent = await call(
      'post',
      `/api/v1/cases/${caseId}/consents`,
      auth.shelter,
      { givenOn: '2019-07-02', scope: 'share_with_agencies' },
      opened.headers.etag,
    );
    etags.set(caseId, consent.headers.etag);
    const referral = await call('post', '/api/v1/referrals', auth.shelter, {
      caseId,
      toAgency: 'HEALTH-SK',
      service: 'medical',
      urgency: 'urgent',
      sharesPersonalData: true,
    });
    const referralId: string = referral.body.referralId;
    etags.set(referralId, referral.headers.etag);
    const commitment = await call('post', '/api/v1/commitments', auth.shelter, {
      targetKind: 'case',
      caseId,
      resource: 'shelter_beds',
      quantity: 4,
      dueOn: '2019-08-30',
    });
    const commitmentId: string = commitment.body.commitmentId;
    etags.set(commitmentId, commitment.headers.etag);
    return { caseId, referralId, commitmentId };
  };
  const cases = await caseWork();
  // What erasure, closure, decline, revocation and withdrawal aim at.
  const spare = await caseWork();

  // People of the user directory: one for the account routes, a spare for deactivation.
  for (const username of ['fuzz.user', 'fuzz.spare']) {
    await call('post', '/api/v1/users', auth.coordinator, {
      username,
      displayName: 'ผู้ใช้ทดสอบ',
      role: 'viewer',
      agency: 'PSDHS-SK',
    });
    etags.set(username, '"0"');
  }

  return {
    ids: {
      plans: { drafted, approved },
      ...cases,
      agencyCode: 'FUZZ-SK',
      username: 'fuzz.user',
      spare: { ...spare, agencyCode: 'FUZZ-SPARE', username: 'fuzz.spare' },
    },
    etags,
  };
}
