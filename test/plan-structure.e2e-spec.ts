import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import { samplePlan, sampleProject, startApi, type ApiHarness } from './support/api-harness';

describe('a plan built up and carried out over HTTP', () => {
  let api: ApiHarness;
  const clock = new FixedClock(new Date('2019-02-14T03:00:00Z'));
  let coordinator: Record<string, string>;
  let officer: Record<string, string>;
  let stranger: Record<string, string>;
  let chair: Record<string, string>;
  let planId: string;
  let projectId: string;
  let activityId: string;
  let kpiId: string;
  let etag: string;

  const post = async (
    path: string,
    auth: Record<string, string>,
    body: object,
    status: number,
    headers: Record<string, string> = {},
  ) => {
    const res = await api.http
      .post(`/api/v1/plans/${planId}${path}`)
      .set(auth)
      .set('If-Match', etag)
      .set(headers)
      .send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    if (res.status === 201) etag = res.headers.etag;
    return res;
  };
  const head = () => api.app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    api = await startApi({}, { clock });
    coordinator = { Authorization: `Bearer ${await api.token('coordinator')}` };
    officer = { Authorization: `Bearer ${await api.token('agency_officer', 'malee', 'PSDHS-SK')}` };
    stranger = { Authorization: `Bearer ${await api.token('agency_officer', 'wichai', 'POL-SK')}` };
    chair = { Authorization: `Bearer ${await api.token('chair', 'governor', 'PROV-SK')}` };
    // The police take no part in the project, but are in the directory: only then may their officers act at all.
    await api.http
      .post('/api/v1/agencies')
      .set(coordinator)
      .send({ code: 'POL-SK', nameTh: 'ตำรวจภูธรจังหวัดสระแก้ว', agencyType: 'police' })
      .expect(201);
    const created = await api.http.post('/api/v1/plans').set(coordinator).send(samplePlan).expect(201);
    planId = created.body.planId;
    etag = created.headers.etag;
    projectId = (
      await post(
        '/projects',
        coordinator,
        { ...sampleProject, participatingAgencyCodes: ['IMM-SK'], targetGroups: ['children', 'women'] },
        201,
      )
    ).body.projectId;
  });
  afterAll(() => api.close());

  it("takes activities, KPIs and budget lines from the lead agency's officer while drafting", async () => {
    activityId = (
      await post(
        `/projects/${projectId}/activities`,
        officer,
        {
          titleTh: 'อบรมแกนนำชุมชน',
          districtCode: '2706',
          startDate: '2019-05-20',
          endDate: '2019-05-21',
          targets: { women: 20, general_public: 30 },
        },
        201,
      )
    ).body.activityId;
    kpiId = (
      await post(
        `/projects/${projectId}/kpis`,
        officer,
        { descriptionTh: 'จำนวนแกนนำที่ผ่านการอบรม', unit: 'คน', target: 50 },
        201,
      )
    ).body.kpiId;
    await post(
      `/projects/${projectId}/budget-lines`,
      officer,
      { fundingSource: 'local_administration', amountSatang: 2_000_000, descriptionTh: 'สมทบโดย อปท.' },
      201,
    );
  });

  it('refuses bad structure with a clear problem and changes nothing', async () => {
    const before = await head();
    const outside = await post(
      `/projects/${projectId}/activities`,
      coordinator,
      { titleTh: 'กิจกรรมปีหน้า', districtCode: '2706', startDate: '2019-10-01', endDate: '2019-10-02', targets: {} },
      400,
    );
    expect(outside.body.code).toBe('PLAN.SCHEDULE_INVALID');
    const group = await post(
      `/projects/${projectId}/activities`,
      coordinator,
      {
        titleTh: 'กิจกรรม',
        districtCode: '2706',
        startDate: '2019-05-01',
        endDate: '2019-05-02',
        targets: { monks: 5 },
      },
      400,
    );
    expect(group.body.code).toBe('REQUEST.INVALID');
    expect(group.body.errors[0]).toMatchObject({ field: 'targets.monks', problem: 'ไม่รู้จักช่อง targets.monks' });
    const english = await api.http
      .post(`/api/v1/plans/${planId}/projects/${projectId}/kpis`)
      .set(coordinator)
      .set('If-Match', etag)
      .set('Accept-Language', 'en-GB,en;q=0.9,th;q=0.5')
      .send({ descriptionTh: 'ตัวชี้วัด', unit: 'คน', target: -1 })
      .expect(400);
    expect(english.body.title).toBe('The request is not valid');
    expect(english.body.errors[0].problem).toMatch(/target must not be less than 0/);
    const foreign = await post(`/projects/${projectId}/changes`, stranger, { titleTh: 'ชื่อใหม่' }, 403);
    expect(foreign.body.code).toBe('AUTH.NOT_OWN_AGENCY');
    const partner = await post(
      `/activities/${activityId}/reassignment`,
      coordinator,
      { responsibleAgencyCode: 'POL-SK' },
      400,
    );
    expect(partner.body.code).toBe('PLAN.AGENCY_NOT_IN_PROJECT');
    expect(await head()).toBe(before);
  });

  it('is approved, then takes progress from the agencies and shows planned against done', async () => {
    await post('/submission', coordinator, {}, 201);
    clock.set(new Date('2019-03-15T07:00:00Z'));
    await post('/approval', chair, { meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }, 201);
    // After approval an officer's change is the secretariat's to make.
    const late = await post(`/projects/${projectId}/changes`, officer, { titleTh: 'ชื่อใหม่', reason: 'ขอเปลี่ยนชื่อ' }, 403);
    expect(late.body).toMatchObject({ code: 'AUTH.AMENDMENT_BY_SECRETARIAT', status: 403, planStatus: 'approved' });
    const early = await post(
      `/activities/${activityId}/progress-reports`,
      officer,
      { reportedOn: '2019-05-21', participantsReached: { women: 22 }, spendSatang: 100 },
      400,
    );
    expect(early.body.code).toBe('PLAN.REPORT_DATE_INVALID');
    clock.set(new Date('2019-05-22T03:00:00Z'));
    await post(
      `/activities/${activityId}/progress-reports`,
      officer,
      {
        reportedOn: '2019-05-21',
        participantsReached: { women: 22, general_public: 28 },
        spendSatang: 7_400_000,
        completed: true,
        note: 'ครบตามเป้า',
      },
      201,
    );
    const done = await post(`/kpis/${kpiId}/actuals`, officer, { actual: 50, measuredOn: '2019-05-21' }, 201);

    const view = await api.http
      .get(`/api/v1/plans/${planId}?minPosition=${done.body.position}`)
      .set(coordinator)
      .expect(200);
    const project = view.body.projects[0];
    expect(project.activities[0]).toMatchObject({
      status: 'done',
      reached: { women: 22, general_public: 28 },
      spentSatang: 7_400_000,
      reports: 1,
      lastReportedOn: '2019-05-21',
    });
    expect(project.kpis[0]).toMatchObject({ target: 50, actual: 50, attained: true });
    expect(project.budgetLines[0]).toMatchObject({ lineId: projectId, spentSatang: 7_400_000 });
    expect(project.requestedBudgetSatang).toBe(17_000_000);
    expect(view.body.totals.progress).toEqual({
      spentSatang: 7_400_000,
      spentBySource: { anti_trafficking_fund: 7_400_000 },
      activitiesPlanned: 1,
      activitiesDone: 1,
      participantsTarget: 50,
      participantsReached: 50,
      kpis: 1,
      kpisAttained: 1,
    });
    // Reports are not amendments: the edition stays.
    expect(view.body.edition).toBe(1);
  });
});
