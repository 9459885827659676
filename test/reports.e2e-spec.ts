import { loadConfig } from '@ruamjai/config';
import { formatBaht, satangToBaht, BAHT_FORMAT, BE_DATE_FORMAT, HTCDS_COLUMNS } from '@ruamjai/reporting';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { runReport } from '../apps/cli/src/report/run-report';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { SEED_PLAN } from '../apps/cli/src/seed/sakaeo-2562';
import { startApi, type ApiHarness } from './support/api-harness';
import { ensurePoppler, pdfText, renderPage } from './support/poppler';

/** Where the run leaves the first pages of the PDFs, for a person to look at. */
const OUTPUT = join(__dirname, '../test-output/reports');
/** Text with its line breaks and spaces taken out: lines break between Thai words, where no space is written. */
const plain = (s: string) => s.replace(/\s+/g, '');
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('reports for the provincial subcommittee, built from the Sa Kaeo seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-reports-'));
  let api: ApiHarness;
  let planId: string;
  let seeded: string;
  const auth = async (role: Parameters<ApiHarness['token']>[0], sub: string, agency: string) => ({
    Authorization: `Bearer ${await api.token(role, sub, agency)}`,
  });

  beforeAll(async () => {
    ensurePoppler();
    mkdirSync(OUTPUT, { recursive: true });
    const before = await startApi({ DATA_DIR: dir });
    await before.close();
    const seed = await seedSakaeo2562(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    planId = seed.planId;
    seeded = seed.position.toString();
    api = await startApi({ DATA_DIR: dir }, { agencies: false });
    // The dashboards the reports are compared with are projections: wait until they have caught up with the seed.
    const viewer = { Authorization: `Bearer ${await api.token('viewer', 'dashboard.viewer', 'PROV-SK')}` };
    for (let tries = 0; ; tries++) {
      const res = await api.http.get(`/api/v1/plans/${planId}/dashboard?minPosition=${seeded}`).set(viewer);
      if (res.status === 200) break;
      if (tries > 30) throw new Error(`the dashboards did not catch up with the seed: ${res.status}`);
    }
  }, 240_000);
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async (path: string, headers: Record<string, string>, name: string) => {
    const res = await api.http.get(path).set(headers).buffer(true).parse(binary).expect(200);
    const file = join(OUTPUT, name);
    writeFileSync(file, res.body as Buffer);
    return { res, file };
  };

  it('prints the action plan in Thai with its title, the approval meeting and date in the Buddhist era, and budget totals equal to the dashboard', async () => {
    const secretariat = await auth('coordinator', 'somchai.k', 'PSDHS-SK');
    const { res, file } = await download(`/api/v1/plans/${planId}/reports/action-plan`, secretariat, 'action-plan.pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    renderPage(file, join(OUTPUT, 'action-plan-page'), 1);
    renderPage(file, join(OUTPUT, 'action-plan-page'), 3);
    expect(statSync(join(OUTPUT, 'action-plan-page-1.png')).size).toBeGreaterThan(10_000);
    const text = plain(pdfText(file));
    const dashboard = (
      await api.http.get(`/api/v1/plans/${planId}/dashboard?minPosition=${seeded}`).set(secretariat).expect(200)
    ).body;
    expect(text).toContain(plain(SEED_PLAN.titleTh));
    expect(text).toContain(plain('ครั้งที่ 1/2562'));
    expect(text).toContain(plain('15 มีนาคม 2562'));
    expect(text).toContain(plain(`งบประมาณรวม ${formatBaht(dashboard.totals.budgetSatang)}`));
    for (const source of dashboard.bySource) expect(text).toContain(plain(formatBaht(source.budgetSatang)));
    // Agencies and districts by their Thai names, and every amendment's reason.
    expect(text).toContain(plain('สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว'));
    expect(text).toContain(plain('อำเภออรัญประเทศ'));
    const plan = (await api.http.get(`/api/v1/plans/${planId}`).set(secretariat).expect(200)).body;
    for (const amendment of plan.amendments) expect(text).toContain(plain(amendment.reason));
    // The log position it was built from, and the asOf that rebuilds it.
    expect(res.headers['x-ruamjai-report-position']).toMatch(/^\d+$/);
    expect(text).toContain(plain(`ตำแหน่ง ${res.headers['x-ruamjai-report-position']}`));
  });

  it('rebuilds a report exactly from the asOf it names, and an earlier asOf gives the plan before its approval', async () => {
    const auditor = await auth('auditor', 'auditor1', 'OAG');
    const now = (await api.http.get(`/api/v1/plans/${planId}/reports/action-plan?format=json`).set(auditor).expect(200))
      .body;
    const again = (
      await api.http
        .get(`/api/v1/plans/${planId}/reports/action-plan?format=json&asOf=${now.provenance.reproduceAsOf}`)
        .set(auditor)
        .expect(200)
    ).body;
    expect(again.provenance.position).toBe(now.provenance.position);
    expect(again.blocks).toEqual(now.blocks.map((b: { kind: string }) => (b.kind === 'cover' ? expect.anything() : b)));
    const before = (
      await api.http
        .get(`/api/v1/plans/${planId}/reports/action-plan?format=json&asOf=2019-03-01T00:00:00Z`)
        .set(auditor)
        .expect(200)
    ).body;
    expect(BigInt(before.provenance.position)).toBeLessThan(BigInt(now.provenance.position));
    expect(JSON.stringify(before.blocks)).toContain('ยังไม่ได้รับความเห็นชอบ');
  });

  it('gives the quarterly progress as a workbook whose figures read back equal to the API and add up to the dashboard', async () => {
    const officer = await auth('agency_officer', 'officer.psdhs-sk', 'PSDHS-SK');
    const data = (
      await api.http
        .get(`/api/v1/plans/${planId}/reports/quarterly-progress?quarter=4&format=json`)
        .set(officer)
        .expect(200)
    ).body;
    expect(data).toMatchObject({ fiscalYear: 2562, quarter: 4, start: '2019-07-01', end: '2019-09-30' });
    const dashboard = (
      await api.http.get(`/api/v1/plans/${planId}/dashboard?minPosition=${seeded}`).set(officer).expect(200)
    ).body;
    expect(data.totals.spentToDateSatang).toBe(dashboard.totals.spentSatang);
    expect(data.totals.budgetSatang).toBe(dashboard.totals.budgetSatang);
    expect(data.totals.kpisAttained).toBe(dashboard.totals.kpisAttained);
    expect(data.totals.activitiesDone).toBe(dashboard.totals.activitiesDone);
    const { file } = await download(
      `/api/v1/plans/${planId}/reports/quarterly-progress?quarter=4&format=xlsx`,
      officer,
      'quarterly-progress-q4.xlsx',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const bySource = book.getWorksheet('งบประมาณตามแหล่ง')!;
    const rows = bySource.getSheetValues().slice(3) as unknown[][];
    expect(rows.length).toBe(data.bySource.length + 1);
    data.bySource.forEach(
      (s: { amountSatang: number; spentInQuarterSatang: number; spentToDateSatang: number }, i: number) => {
        expect(rows[i].slice(2, 5)).toEqual([
          satangToBaht(s.amountSatang),
          satangToBaht(s.spentInQuarterSatang),
          satangToBaht(s.spentToDateSatang),
        ]);
      },
    );
    expect(rows[data.bySource.length].slice(2, 5)).toEqual([
      satangToBaht(data.totals.budgetSatang),
      satangToBaht(data.totals.spentInQuarterSatang),
      satangToBaht(data.totals.spentToDateSatang),
    ]);
    expect(bySource.getRow(3).getCell(2).numFmt).toBe(BAHT_FORMAT);
    const activities = book.getWorksheet('กิจกรรม')!;
    const activityRows = activities.getSheetValues().slice(3, 3 + data.activities.length) as unknown[][];
    expect(activityRows.map((r) => [r[2], r[5], r[6], r[7]])).toEqual(
      data.activities.map(
        (a: { titleTh: string; targetParticipants: number; reachedInQuarter: number; reachedToDate: number }) => [
          a.titleTh,
          a.targetParticipants,
          a.reachedInQuarter,
          a.reachedToDate,
        ],
      ),
    );
    const kpis = book.getWorksheet('ตัวชี้วัด')!;
    const measured = data.kpis.findIndex((k: { measuredOn: string | null }) => k.measuredOn);
    const cell = kpis.getRow(3 + measured).getCell(5);
    expect(cell.numFmt).toBe(BE_DATE_FORMAT);
    expect((cell.value as Date).toISOString().slice(0, 10)).toBe(data.kpis[measured].measuredOn);
    expect(book.getWorksheet('รายงาน')!.getCell('B3').value).toBe(data.provenance.position);
    // The PDF of the same quarter, for a person to look at.
    const pdf = await download(
      `/api/v1/plans/${planId}/reports/quarterly-progress?quarter=4`,
      officer,
      'quarterly-progress-q4.pdf',
    );
    renderPage(pdf.file, join(OUTPUT, 'quarterly-progress-page'), 1);
    expect(plain(pdfText(pdf.file))).toContain(plain(formatBaht(dashboard.totals.spentSatang)));
  });

  it('counts only what was reported inside a quarter: October to December is the first', async () => {
    const secretariat = await auth('coordinator', 'somchai.k', 'PSDHS-SK');
    const q1 = (
      await api.http
        .get(`/api/v1/plans/${planId}/reports/quarterly-progress?quarter=1&format=json`)
        .set(secretariat)
        .expect(200)
    ).body;
    expect(q1).toMatchObject({ start: '2018-10-01', end: '2018-12-31' });
    expect(q1.totals.spentInQuarterSatang).toBe(0);
    const q3 = (
      await api.http
        .get(`/api/v1/plans/${planId}/reports/quarterly-progress?quarter=3&format=json`)
        .set(secretariat)
        .expect(200)
    ).body;
    const q4 = (
      await api.http
        .get(`/api/v1/plans/${planId}/reports/quarterly-progress?quarter=4&format=json`)
        .set(secretariat)
        .expect(200)
    ).body;
    expect(q3.totals.spentToDateSatang + q4.totals.spentInQuarterSatang).toBe(q4.totals.spentToDateSatang);
  });

  it('reports the Fund requests with their decision and disbursements, equal to the dashboard', async () => {
    const chair = await auth('chair', 'governor.sakaeo', 'PROV-SK');
    const data = (await api.http.get(`/api/v1/plans/${planId}/reports/fund?format=json`).set(chair).expect(200)).body;
    const dashboard = (
      await api.http.get(`/api/v1/plans/${planId}/dashboard?minPosition=${seeded}`).set(chair).expect(200)
    ).body;
    expect(data.totals).toEqual({
      requestedSatang: dashboard.totals.fundRequestedSatang,
      approvedSatang: dashboard.totals.fundApprovedSatang,
      disbursedSatang: dashboard.totals.fundDisbursedSatang,
    });
    expect(data.requests[0].decisions.map((d: { decision: string }) => d.decision)).toContain('approved');
    expect(data.requests[0].disbursements.length).toBeGreaterThan(0);
    const { file } = await download(`/api/v1/plans/${planId}/reports/fund`, chair, 'fund.pdf');
    const text = plain(pdfText(file));
    expect(text).toContain(plain(formatBaht(dashboard.totals.fundApprovedSatang)));
    expect(text).toContain(plain(formatBaht(dashboard.totals.fundDisbursedSatang)));
  });

  it('keeps each report to the roles that may read what it holds', async () => {
    const viewer = await auth('viewer', 'dashboard.viewer', 'PROV-SK');
    const officer = await auth('agency_officer', 'officer.psdhs-sk', 'PSDHS-SK');
    const refused = await api.http.get(`/api/v1/plans/${planId}/reports/action-plan`).set(viewer).expect(403);
    expect(refused.body.code).toBe('AUTH.NOT_PERMITTED');
    // A past point of the plan is the history's: not an agency officer's.
    await api.http.get(`/api/v1/plans/${planId}/reports/fund?asOf=2019-03-01T00:00:00Z`).set(officer).expect(403);
    await api.http.get('/api/v1/reports/htcds').set(officer).expect(403);
    await api.http.get('/api/v1/reports/case-statistics?format=json').set(viewer).expect(200);
    const bad = await api.http
      .get(`/api/v1/plans/${planId}/reports/quarterly-progress?quarter=5`)
      .set(officer)
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    await api.http
      .get('/api/v1/plans/00000000-0000-4000-8000-000000000000/reports/action-plan')
      .set(officer)
      .expect(404);
  });

  it('publishes case statistics and the HTCDS export under the small-count rule, with nothing derivable by subtraction', async () => {
    const secretariat = await auth('coordinator', 'somchai.k', 'PSDHS-SK');
    const open = (districtCode: string, ageGroup: string, source: string, foundOn: string) =>
      api.http
        .post('/api/v1/cases')
        .set(secretariat)
        .send({ source, districtCode, foundOn, ageGroup, person: { givenName: 'Report Fictional' } })
        .expect(201);
    for (let i = 0; i < 6; i++) await open('2706', 'child', 'police', '2019-05-01');
    for (let i = 0; i < 5; i++) await open('2703', 'adult', 'ngo', '2019-06-10');
    await open('2701', 'adult', 'hotline_1300', '2019-07-02');
    const stats = (await api.http.get('/api/v1/reports/case-statistics?format=json').set(secretariat).expect(200)).body;
    const t = stats.threshold;
    for (const table of stats.tables) {
      for (const row of table.rows) expect(row.count === 0 || row.count >= t).toBe(true);
      const shown = table.rows.reduce((s: number, r: { count: number }) => s + r.count, 0);
      // The total less what is shown is the withheld part: never a small number anyone could work out.
      if (!table.total.withheld) expect(table.total.count - shown === 0 || table.total.count - shown >= t).toBe(true);
    }
    const byDistrict = stats.tables.find((x: { name: string }) => x.name === 'district');
    expect(byDistrict.rows.map((r: { key: string }) => r.key)).not.toContain('2701');

    const htcds = (await api.http.get('/api/v1/reports/htcds?format=json').set(secretariat).expect(200)).body;
    expect(htcds.k).toBe(t);
    expect(htcds.records.length).toBeGreaterThanOrEqual(t);
    const groups = new Map<string, number>();
    for (const r of htcds.records) {
      const key = JSON.stringify(htcds.quasiIdentifiers.map((q: string) => r[q]));
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const size of groups.values()) expect(size).toBeGreaterThanOrEqual(t);
    expect(htcds.records.some((r: { hte_City: string }) => r.hte_City === 'Mueang Sa Kaeo')).toBe(false);
    // No name, no id: only HTCDS columns.
    for (const r of htcds.records) expect(Object.keys(r).sort()).toEqual([...HTCDS_COLUMNS].sort());
    expect(JSON.stringify(htcds)).not.toContain('Fictional');
    const csv = await api.http.get('/api/v1/reports/htcds?format=csv').set(secretariat).expect(200);
    expect(csv.text.split('\n')[0]).toContain(HTCDS_COLUMNS.join(','));
    const pdf = await download('/api/v1/reports/case-statistics', secretariat, 'case-statistics.pdf');
    renderPage(pdf.file, join(OUTPUT, 'case-statistics-page'), 1);
  });

  it('writes the same reports from the command line, naming the log position', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const out = join(OUTPUT, 'cli-quarterly-q4.xlsx');
    const result = await runReport(config, [
      'quarterly-progress',
      planId,
      '--quarter',
      '4',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(result.file).toBe(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet('รายงาน')!.getCell('B3').value).toBe(result.position);
    const pdf = join(OUTPUT, 'cli-action-plan.pdf');
    await runReport(config, ['action-plan', planId, '--out', pdf]);
    expect(plain(pdfText(pdf))).toContain(plain(SEED_PLAN.titleTh));
    // Two reports, each starting its own application context on the data folder.
  }, 120_000);
});
