import { FixedClock, ROLES, type Role } from '@ruamjai/kernel';
import { PLAN_COMMAND_ROLES, PLAN_READ_ROLES, type PlanCommand, type PlanRead } from '@ruamjai/planning';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

/**
 * The role × command matrix, over HTTP: every role tries every plan command on a plan in the state
 * where the command is legal. The roles the policy allows succeed; the others get 403
 * AUTH.NOT_PERMITTED and the plan does not move. Then every role tries every kind of read.
 */
type State = 'none' | 'drafting' | 'fund-submitted' | 'fund-returned' | 'fund-approved' | 'submitted' | 'approved';

interface Fixture {
  planId: string;
  projectId: string;
  activityId: string;
  kpiId: string;
  lineId: string;
  requestId: string;
  revision: number;
  /** The last position written, for reading one's own writes. */
  position: string;
}

interface Cell {
  readonly state: State;
  readonly path: (f: Fixture) => string;
  readonly body: (f: Fixture) => object;
}

const reason = { reason: 'ตามมติที่ประชุมคณะทำงาน' };
const CELLS: Record<PlanCommand['type'], Cell> = {
  DraftPlan: { state: 'none', path: () => '/api/v1/plans', body: () => samplePlan },
  AddProject: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects`,
    body: () => ({ ...sampleProject, titleTh: 'โครงการที่สอง' }),
  },
  ReviseProjectBudget: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/budget-revisions`,
    body: () => ({ requestedBudgetSatang: 14_000_000, ...reason }),
  },
  ChangeProject: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/changes`,
    body: () => ({ strategy: 'prevention' }),
  },
  ReassignProject: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/reassignment`,
    body: () => ({ leadAgencyCode: 'PSDHS-SK', participatingAgencyCodes: [] }),
  },
  WithdrawProject: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/withdrawal`,
    body: () => reason,
  },
  AddActivity: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/activities`,
    body: () => ({
      titleTh: 'ลงพื้นที่ชุมชน',
      districtCode: '2703',
      startDate: '2019-06-01',
      endDate: '2019-06-30',
      targets: { families: 20 },
    }),
  },
  ChangeActivity: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/activities/${f.activityId}/changes`,
    body: () => ({ endDate: '2019-05-31' }),
  },
  ReassignActivity: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/activities/${f.activityId}/reassignment`,
    body: () => ({ responsibleAgencyCode: 'IMM-SK' }),
  },
  WithdrawActivity: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/activities/${f.activityId}/withdrawal`,
    body: () => reason,
  },
  AddKpi: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/kpis`,
    body: () => ({ descriptionTh: 'จำนวนครอบครัวที่ได้รับความรู้', unit: 'ครอบครัว', target: 20 }),
  },
  ChangeKpi: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/kpis/${f.kpiId}/changes`,
    body: () => ({ target: 60 }),
  },
  WithdrawKpi: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/kpis/${f.kpiId}/withdrawal`,
    body: () => reason,
  },
  AddBudgetLine: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/budget-lines`,
    body: () => ({ fundingSource: 'private_ngo', amountSatang: 300_000 }),
  },
  ReviseBudgetLine: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/budget-lines/${f.lineId}/revisions`,
    body: () => ({ amountSatang: 900_000, ...reason }),
  },
  ReassignBudgetLine: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/budget-lines/${f.lineId}/reassignment`,
    body: () => ({ fundingSource: 'agency_own' }),
  },
  WithdrawBudgetLine: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/budget-lines/${f.lineId}/withdrawal`,
    body: () => reason,
  },
  SubmitPlan: { state: 'drafting', path: (f) => `/api/v1/plans/${f.planId}/submission`, body: () => ({}) },
  ReturnPlan: { state: 'submitted', path: (f) => `/api/v1/plans/${f.planId}/return`, body: () => reason },
  ApprovePlan: {
    state: 'submitted',
    path: (f) => `/api/v1/plans/${f.planId}/approval`,
    body: () => ({ meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }),
  },
  ClosePlan: {
    state: 'approved',
    path: (f) => `/api/v1/plans/${f.planId}/closure`,
    body: () => ({ resultsSummary: 'ดำเนินการครบทุกโครงการ' }),
  },
  SubmitFundRequest: {
    state: 'drafting',
    path: (f) => `/api/v1/plans/${f.planId}/projects/${f.projectId}/fund-requests`,
    body: () => ({
      amountSatang: 1_000_000,
      justification: 'ช่วยเหลือผู้เสียหายตามมาตรา 33',
      category: 'victim_assistance',
    }),
  },
  ReturnFundRequest: {
    state: 'fund-submitted',
    path: (f) => `/api/v1/plans/${f.planId}/fund-requests/${f.requestId}/return`,
    body: () => reason,
  },
  ReviseFundRequest: {
    state: 'fund-returned',
    path: (f) => `/api/v1/plans/${f.planId}/fund-requests/${f.requestId}/revisions`,
    body: () => ({ amountSatang: 800_000, justification: 'ปรับตามที่กองทุนขอ' }),
  },
  ApproveFundRequest: {
    state: 'fund-submitted',
    path: (f) => `/api/v1/plans/${f.planId}/fund-requests/${f.requestId}/approval`,
    body: () => ({ approvedAmountSatang: 900_000 }),
  },
  RejectFundRequest: {
    state: 'fund-submitted',
    path: (f) => `/api/v1/plans/${f.planId}/fund-requests/${f.requestId}/rejection`,
    body: () => reason,
  },
  RecordFundDisbursement: {
    state: 'fund-approved',
    path: (f) => `/api/v1/plans/${f.planId}/fund-requests/${f.requestId}/disbursements`,
    body: () => ({ amountSatang: 500_000 }),
  },
  ReportActivityProgress: {
    state: 'approved',
    path: (f) => `/api/v1/plans/${f.planId}/activities/${f.activityId}/progress-reports`,
    body: () => ({
      reportedOn: '2019-05-20',
      participantsReached: { women: 18, general_public: 25 },
      spendSatang: 700_000,
      completed: true,
    }),
  },
  RecordKpiActual: {
    state: 'approved',
    path: (f) => `/api/v1/plans/${f.planId}/kpis/${f.kpiId}/actuals`,
    body: () => ({ actual: 43, measuredOn: '2019-05-31' }),
  },
};

describe('who may do what to a plan, over HTTP', () => {
  let api: ApiHarness;
  // After fiscal year 2562: plans of 2562 can still be drafted, reported on and closed.
  const clock = new FixedClock(new Date('2019-10-15T03:00:00Z'));
  const tokens = new Map<Role, { Authorization: string }>();
  const coordinator = () => tokens.get('coordinator')!;
  const chair = () => tokens.get('chair')!;

  beforeAll(async () => {
    api = await startApi({}, { clock });
    // Officers belong to the agency that leads the sample project, so ownership never hides a role refusal.
    const agencies: Record<Role, string> = {
      coordinator: 'PSDHS-SK',
      chair: 'PROV-SK',
      agency_officer: 'PSDHS-SK',
      auditor: 'OAG',
      viewer: 'PROV-SK',
      secretariat: 'OAG',
      national_auditor: 'OAG',
      national_viewer: 'OAG',
    };
    for (const role of ROLES)
      tokens.set(role, { Authorization: `Bearer ${await api.token(role, `${role}.1`, agencies[role])}` });
  });
  afterAll(() => api.close());

  async function post(path: string, auth: Record<string, string>, revision: number | undefined, body: object) {
    const req = api.http.post(path).set(auth);
    if (revision !== undefined) req.set('If-Match', `"${revision}"`);
    return req.send(body);
  }

  /** A fresh plan brought to the state a command needs, through the commands themselves. */
  async function fixture(state: State): Promise<Fixture> {
    const f: Fixture = {
      planId: '',
      projectId: '',
      activityId: '',
      kpiId: '',
      lineId: '',
      requestId: '',
      revision: 0,
      position: '0',
    };
    const step = async (path: string, body: object, auth = coordinator()) => {
      const res = await post(path, auth, f.revision, body);
      if (res.status !== 201) throw new Error(`fixture step ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
      f.revision = Number(res.body.revision);
      f.position = res.body.position;
      return res.body;
    };
    const created = await api.http.post('/api/v1/plans').set(coordinator()).send(samplePlan).expect(201);
    f.planId = created.body.planId;
    f.revision = Number(created.body.revision);
    const plan = `/api/v1/plans/${f.planId}`;
    f.projectId = (
      await step(`${plan}/projects`, { ...sampleProject, participatingAgencyCodes: ['IMM-SK'] })
    ).projectId;
    f.activityId = (
      await step(`${plan}/projects/${f.projectId}/activities`, {
        titleTh: 'อบรมแกนนำชุมชน',
        districtCode: '2706',
        startDate: '2019-05-20',
        endDate: '2019-05-21',
        targets: { women: 20, general_public: 30 },
      })
    ).activityId;
    f.kpiId = (
      await step(`${plan}/projects/${f.projectId}/kpis`, {
        descriptionTh: 'จำนวนแกนนำที่ผ่านการอบรม',
        unit: 'คน',
        target: 50,
      })
    ).kpiId;
    f.lineId = (
      await step(`${plan}/projects/${f.projectId}/budget-lines`, {
        fundingSource: 'local_administration',
        amountSatang: 1_000_000,
      })
    ).lineId;
    if (state.startsWith('fund-')) {
      f.requestId = (
        await step(`${plan}/projects/${f.projectId}/fund-requests`, {
          amountSatang: 1_000_000,
          justification: 'ช่วยเหลือผู้เสียหายตามมาตรา 33',
          category: 'victim_assistance',
        })
      ).requestId;
      if (state === 'fund-returned') await step(`${plan}/fund-requests/${f.requestId}/return`, reason);
      if (state === 'fund-approved')
        await step(`${plan}/fund-requests/${f.requestId}/approval`, { approvedAmountSatang: 1_000_000 });
    }
    if (state === 'submitted' || state === 'approved') await step(`${plan}/submission`, {});
    if (state === 'approved')
      await step(`${plan}/approval`, { meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }, chair());
    return f;
  }

  const cells = (Object.keys(CELLS) as PlanCommand['type'][]).flatMap((command) =>
    ROLES.map((role) => [command, role, PLAN_COMMAND_ROLES[command].includes(role)] as const),
  );

  it('covers every command the policy knows', () => {
    expect(Object.keys(CELLS).sort()).toEqual(Object.keys(PLAN_COMMAND_ROLES).sort());
  });

  it.each(cells)('%s by a %s: allowed = %s', async (command, role, allowed) => {
    const cell = CELLS[command];
    const f = cell.state === 'none' ? undefined : await fixture(cell.state);
    const res = await post(cell.path(f!), tokens.get(role)!, f?.revision, cell.body(f!));
    if (allowed) {
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
      return;
    }
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.NOT_PERMITTED');
    if (f) {
      const after = await api.http
        .get(`/api/v1/plans/${f.planId}/history?limit=1000`)
        .set(tokens.get('auditor')!)
        .expect(200);
      expect(after.body.events).toHaveLength(f.revision + 1);
    }
  });

  const reads: Record<PlanRead, (f: Fixture) => string> = {
    ReadPlan: (f) => `/api/v1/plans/${f.planId}`,
    ReadPlanHistory: (f) => `/api/v1/plans/${f.planId}/history`,
    VerifyAuditChain: () => '/api/v1/audit/verification',
    ReadDashboard: (f) => `/api/v1/plans/${f.planId}/dashboard`,
    ReadAgencyDirectory: () => '/api/v1/agencies',
  };
  const readCells = (Object.keys(PLAN_READ_ROLES) as PlanRead[]).flatMap((read) =>
    ROLES.map((role) => [read, role, PLAN_READ_ROLES[read].includes(role)] as const),
  );

  it.each(readCells)('%s by a %s: allowed = %s', async (read, role, allowed) => {
    const f = await fixture('drafting');
    const res = await api.http
      .get(`${reads[read](f)}${read === 'VerifyAuditChain' ? '' : `?minPosition=${f.position}`}`)
      .set(tokens.get(role)!);
    expect(res.status).toBe(allowed ? 200 : 403);
    if (!allowed) expect(res.body.code).toBe('AUTH.NOT_PERMITTED');
  });

  it('keeps the as-of view, the comparison and the CSV export with the history', async () => {
    const f = await fixture('drafting');
    for (const path of [
      `/api/v1/plans/${f.planId}?revision=1`,
      `/api/v1/plans/${f.planId}/comparison?from=0&to=1`,
      `/api/v1/plans/${f.planId}/history?format=csv`,
    ]) {
      await api.http.get(path).set(tokens.get('agency_officer')!).expect(403);
      await api.http.get(path).set(tokens.get('auditor')!).expect(200);
    }
  });
});
