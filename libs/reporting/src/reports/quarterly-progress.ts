import type { PlanView } from '@ruamjai/planning';
import { fiscalQuarterRange, formatThaiDate, QUARTER_LABEL_TH, type FiscalQuarter } from '../domain/thai-format';
import { ACTIVITY_STATUS_TH, SOURCE_TH } from './labels';
import { districtNameTh, liveProjects, placeNames, provenanceLines } from './plan-document';
import type { Provenance, ReportDocument } from './report-document';

/** One progress report from the log. */
export interface ProgressRecord {
  readonly projectId: string;
  readonly activityId: string;
  readonly reportedOn: string;
  readonly reached: number;
  readonly spendSatang: number;
  readonly budgetLineId: string;
  readonly completed: boolean;
}

/** One KPI measurement from the log. */
export interface KpiRecord {
  readonly kpiId: string;
  readonly actual: number;
  readonly measuredOn: string;
}

export interface QuarterlyProgress {
  readonly planId: string;
  readonly titleTh: string;
  readonly provinceCode: string;
  readonly fiscalYear: number;
  readonly quarter: FiscalQuarter;
  readonly start: string;
  readonly end: string;
  readonly provenance: Provenance;
  readonly activities: ReadonlyArray<{
    projectId: string;
    projectTitleTh: string;
    activityId: string;
    titleTh: string;
    districtTh: string;
    startDate: string;
    endDate: string;
    /** The activity's schedule overlaps the quarter. */
    scheduledInQuarter: boolean;
    targetParticipants: number;
    reachedInQuarter: number;
    reachedToDate: number;
    spentInQuarterSatang: number;
    spentToDateSatang: number;
    /** A report on or before the quarter's end said it was complete. */
    doneByQuarterEnd: boolean;
  }>;
  readonly budgetLines: ReadonlyArray<{
    projectId: string;
    projectTitleTh: string;
    lineId: string;
    source: string;
    amountSatang: number;
    spentInQuarterSatang: number;
    spentToDateSatang: number;
  }>;
  readonly bySource: ReadonlyArray<{
    source: string;
    amountSatang: number;
    spentInQuarterSatang: number;
    spentToDateSatang: number;
  }>;
  readonly kpis: ReadonlyArray<{
    projectTitleTh: string;
    kpiId: string;
    descriptionTh: string;
    unit: string;
    target: number;
    actual: number | null;
    measuredOn: string | null;
    attained: boolean;
  }>;
  readonly totals: {
    activitiesScheduled: number;
    activitiesDone: number;
    targetParticipants: number;
    reachedInQuarter: number;
    reachedToDate: number;
    budgetSatang: number;
    spentInQuarterSatang: number;
    spentToDateSatang: number;
    kpis: number;
    kpisAttained: number;
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Planned against done in one fiscal quarter (October to December is Q1): the plan's structure as the
 * report's log position has it, and the progress reports and KPI measurements dated in the quarter
 * (and up to its end, for the figures "to date").
 */
export function quarterlyProgress(
  plan: PlanView,
  progress: readonly ProgressRecord[],
  kpiRecords: readonly KpiRecord[],
  quarter: FiscalQuarter,
  provenance: Provenance,
): QuarterlyProgress {
  const { start, end } = fiscalQuarterRange(plan.fiscalYear, quarter);
  const inQuarter = (d: string) => d >= start && d <= end;
  const toDate = (d: string) => d <= end;
  const projects = liveProjects(plan);
  const activities = projects.flatMap((p) =>
    p.activities
      .filter((a) => a.status !== 'withdrawn')
      .map((a) => {
        const reports = progress.filter((r) => r.activityId === a.activityId);
        const q = reports.filter((r) => inQuarter(r.reportedOn));
        const upTo = reports.filter((r) => toDate(r.reportedOn));
        return {
          projectId: p.projectId,
          projectTitleTh: p.titleTh,
          activityId: a.activityId,
          titleTh: a.titleTh,
          districtTh: districtNameTh(plan.provinceCode, a.districtCode),
          startDate: a.startDate,
          endDate: a.endDate,
          scheduledInQuarter: a.startDate <= end && a.endDate >= start,
          targetParticipants: sum(Object.values(a.targets).map((n) => n ?? 0)),
          reachedInQuarter: sum(q.map((r) => r.reached)),
          reachedToDate: sum(upTo.map((r) => r.reached)),
          spentInQuarterSatang: sum(q.map((r) => r.spendSatang)),
          spentToDateSatang: sum(upTo.map((r) => r.spendSatang)),
          doneByQuarterEnd: upTo.some((r) => r.completed),
        };
      }),
  );
  const budgetLines = projects.flatMap((p) =>
    p.budgetLines
      .filter((l) => !l.withdrawn)
      .map((l) => {
        const spends = progress.filter((r) => r.budgetLineId === l.lineId && r.projectId === p.projectId);
        return {
          projectId: p.projectId,
          projectTitleTh: p.titleTh,
          lineId: l.lineId,
          source: l.fundingSource,
          amountSatang: l.amountSatang,
          spentInQuarterSatang: sum(spends.filter((r) => inQuarter(r.reportedOn)).map((r) => r.spendSatang)),
          spentToDateSatang: sum(spends.filter((r) => toDate(r.reportedOn)).map((r) => r.spendSatang)),
        };
      }),
  );
  const sources = [...new Set(budgetLines.map((l) => l.source))];
  const bySource = sources.map((source) => {
    const of = budgetLines.filter((l) => l.source === source);
    return {
      source,
      amountSatang: sum(of.map((l) => l.amountSatang)),
      spentInQuarterSatang: sum(of.map((l) => l.spentInQuarterSatang)),
      spentToDateSatang: sum(of.map((l) => l.spentToDateSatang)),
    };
  });
  const kpis = projects.flatMap((p) =>
    p.kpis
      .filter((k) => !k.withdrawn)
      .map((k) => {
        const latest = kpiRecords
          .filter((r) => r.kpiId === k.kpiId && toDate(r.measuredOn))
          .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))
          .pop();
        return {
          projectTitleTh: p.titleTh,
          kpiId: k.kpiId,
          descriptionTh: k.descriptionTh,
          unit: k.unit,
          target: k.target,
          actual: latest?.actual ?? null,
          measuredOn: latest?.measuredOn ?? null,
          attained: latest !== undefined && latest.actual >= k.target,
        };
      }),
  );
  return {
    planId: plan.planId,
    titleTh: plan.titleTh,
    provinceCode: plan.provinceCode,
    fiscalYear: plan.fiscalYear,
    quarter,
    start,
    end,
    provenance,
    activities,
    budgetLines,
    bySource,
    kpis,
    totals: {
      activitiesScheduled: activities.filter((a) => a.scheduledInQuarter).length,
      activitiesDone: activities.filter((a) => a.doneByQuarterEnd).length,
      targetParticipants: sum(activities.map((a) => a.targetParticipants)),
      reachedInQuarter: sum(activities.map((a) => a.reachedInQuarter)),
      reachedToDate: sum(activities.map((a) => a.reachedToDate)),
      budgetSatang: sum(budgetLines.map((l) => l.amountSatang)),
      spentInQuarterSatang: sum(budgetLines.map((l) => l.spentInQuarterSatang)),
      spentToDateSatang: sum(budgetLines.map((l) => l.spentToDateSatang)),
      kpis: kpis.length,
      kpisAttained: kpis.filter((k) => k.attained).length,
    },
  };
}

/** The quarterly progress report as a document (the PDF and the workbook are drawn from it). */
export function quarterlyDocument(q: QuarterlyProgress): ReportDocument {
  const t = q.totals;
  return {
    kind: 'quarterly-progress',
    titleTh: `รายงานผลการดำเนินงาน ${QUARTER_LABEL_TH[q.quarter]} ปีงบประมาณ พ.ศ. ${q.fiscalYear}`,
    titleEn: `Quarterly progress report, FY${q.fiscalYear} Q${q.quarter}`,
    provenance: q.provenance,
    keepTogether: placeNames(q.provinceCode),
    blocks: [
      {
        kind: 'cover',
        lines: [q.titleTh],
        title: `รายงานผลการดำเนินงาน ${QUARTER_LABEL_TH[q.quarter]} ปีงบประมาณ พ.ศ. ${q.fiscalYear}`,
        subtitle: [`ระหว่างวันที่ ${formatThaiDate(q.start)} – ${formatThaiDate(q.end)}`, ...provenanceLines(q.provenance)],
      },
      {
        kind: 'fields',
        rows: [
          ['กิจกรรมตามแผนในไตรมาส', `${t.activitiesScheduled} กิจกรรม`],
          ['กิจกรรมแล้วเสร็จ (สะสม)', `${t.activitiesDone} กิจกรรม`],
          ['ผู้เข้าร่วมในไตรมาส', `${t.reachedInQuarter} คน`],
          ['ผู้เข้าร่วมสะสม / เป้าหมาย', `${t.reachedToDate} / ${t.targetParticipants} คน`],
          ['ตัวชี้วัดที่บรรลุ', `${t.kpisAttained} จาก ${t.kpis}`],
        ],
      },
      { kind: 'heading', level: 1, text: 'แผนและผลการดำเนินงานรายกิจกรรม / Planned vs done per activity' },
      {
        kind: 'table',
        sheet: 'กิจกรรม',
        columns: [
          { th: 'โครงการ', en: 'Project', width: 2.2 },
          { th: 'กิจกรรม', en: 'Activity', width: 2.3 },
          { th: 'อำเภอ', en: 'District', width: 1.4 },
          { th: 'ตามแผน', en: 'Scheduled in quarter', width: 0.8, align: 'center' },
          { th: 'เป้าหมาย (คน)', en: 'Target', width: 0.8, align: 'right' },
          { th: 'ผลในไตรมาส (คน)', en: 'Reached in quarter', width: 0.9, align: 'right' },
          { th: 'ผลสะสม (คน)', en: 'Reached to date', width: 0.8, align: 'right' },
          { th: 'สถานะ', en: 'Status', width: 1 },
        ],
        rows: q.activities.map((a) => [
          a.projectTitleTh,
          a.titleTh,
          a.districtTh,
          a.scheduledInQuarter ? 'ใช่' : '–',
          a.targetParticipants,
          a.reachedInQuarter,
          a.reachedToDate,
          ACTIVITY_STATUS_TH[
            a.doneByQuarterEnd ? 'done' : a.reachedToDate > 0 || a.spentToDateSatang > 0 ? 'in_progress' : 'planned'
          ],
        ]),
        totals: [
          'รวม',
          '',
          '',
          t.activitiesScheduled,
          t.targetParticipants,
          t.reachedInQuarter,
          t.reachedToDate,
          `แล้วเสร็จ ${t.activitiesDone}`,
        ],
      },
      { kind: 'heading', level: 1, text: 'การเบิกจ่ายงบประมาณรายรายการ / Budget execution per line' },
      {
        kind: 'table',
        sheet: 'งบประมาณรายรายการ',
        columns: [
          { th: 'โครงการ', en: 'Project', width: 3 },
          { th: 'แหล่งงบประมาณ', en: 'Source', width: 2.2 },
          { th: 'งบประมาณ', en: 'Budget', width: 1.3, align: 'right' },
          { th: 'เบิกจ่ายในไตรมาส', en: 'Spent in quarter', width: 1.3, align: 'right' },
          { th: 'เบิกจ่ายสะสม', en: 'Spent to date', width: 1.3, align: 'right' },
          { th: 'ร้อยละ', en: '%', width: 0.7, align: 'right' },
        ],
        rows: q.budgetLines.map((l) => [
          l.projectTitleTh,
          SOURCE_TH[l.source] ?? l.source,
          { baht: l.amountSatang },
          { baht: l.spentInQuarterSatang },
          { baht: l.spentToDateSatang },
          { percent: l.amountSatang > 0 ? l.spentToDateSatang / l.amountSatang : null },
        ]),
        totals: [
          'รวม',
          '',
          { baht: t.budgetSatang },
          { baht: t.spentInQuarterSatang },
          { baht: t.spentToDateSatang },
          { percent: t.budgetSatang > 0 ? t.spentToDateSatang / t.budgetSatang : null },
        ],
      },
      { kind: 'heading', level: 2, text: 'ตามแหล่งงบประมาณ / By source' },
      {
        kind: 'table',
        sheet: 'งบประมาณตามแหล่ง',
        columns: [
          { th: 'แหล่งงบประมาณ', en: 'Source', width: 3 },
          { th: 'งบประมาณ', en: 'Budget', width: 1.3, align: 'right' },
          { th: 'เบิกจ่ายในไตรมาส', en: 'Spent in quarter', width: 1.3, align: 'right' },
          { th: 'เบิกจ่ายสะสม', en: 'Spent to date', width: 1.3, align: 'right' },
          { th: 'ร้อยละ', en: '%', width: 0.7, align: 'right' },
        ],
        rows: q.bySource.map((s) => [
          SOURCE_TH[s.source] ?? s.source,
          { baht: s.amountSatang },
          { baht: s.spentInQuarterSatang },
          { baht: s.spentToDateSatang },
          { percent: s.amountSatang > 0 ? s.spentToDateSatang / s.amountSatang : null },
        ]),
        totals: [
          'รวม',
          { baht: t.budgetSatang },
          { baht: t.spentInQuarterSatang },
          { baht: t.spentToDateSatang },
          { percent: t.budgetSatang > 0 ? t.spentToDateSatang / t.budgetSatang : null },
        ],
      },
      { kind: 'heading', level: 1, text: 'ผลการดำเนินงานตามตัวชี้วัด / KPI attainment' },
      {
        kind: 'table',
        sheet: 'ตัวชี้วัด',
        columns: [
          { th: 'โครงการ', en: 'Project', width: 2.4 },
          { th: 'ตัวชี้วัด', en: 'KPI', width: 3 },
          { th: 'เป้าหมาย', en: 'Target', width: 0.8, align: 'right' },
          { th: 'ผล', en: 'Actual', width: 0.8, align: 'right' },
          { th: 'วันที่วัดผล', en: 'Measured on', width: 1.3 },
          { th: 'บรรลุ', en: 'Attained', width: 0.7, align: 'center' },
        ],
        rows: q.kpis.map((k) => [
          k.projectTitleTh,
          `${k.descriptionTh} (${k.unit})`,
          k.target,
          k.actual,
          k.measuredOn ? { date: k.measuredOn } : null,
          k.attained ? 'บรรลุ' : 'ยังไม่บรรลุ',
        ]),
        totals: ['รวม', `${t.kpis} ตัวชี้วัด`, null, null, null, `${t.kpisAttained}`],
      },
    ],
  };
}
